package sdkgen.runtime;

/** Anything the SDK raises: a connection that failed, a timeout, an unsuccessful response. */
public class SdkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SdkException(String message) {
        super(message);
    }

    public SdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
