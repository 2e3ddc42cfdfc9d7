package sdkgen.runtime;

/** A client or call the SDK cannot send as configured: credentials missing, a server
 * variable outside its allowed values. */
public class ConfigurationException extends SdkException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
