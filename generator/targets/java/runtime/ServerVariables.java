package sdkgen.runtime;

import java.util.Arrays;
import java.util.Map;

/** Server URLs with variables (`https://{region}.example.com`): each variable a builder
 * option, its default used when it is not given, its allowed values checked. */
public final class ServerVariables {
    private ServerVariables() {}

    /**
     * `template` with each variable replaced by its given value, else its default; each of
     * `variables` is its name in the URL, its default, then its allowed values (none: any).
     */
    public static String fill(String template, String[][] variables, Map<String, String> given) {
        String url = template;
        for (String[] variable : variables) {
            String value = given.get(variable[0]);
            String[] allowed = Arrays.copyOfRange(variable, 2, variable.length);
            if (value == null) {
                value = variable[1];
            } else if (allowed.length > 0 && !Arrays.asList(allowed).contains(value)) {
                throw new ConfigurationException("server variable '" + variable[0]
                        + "' cannot be '" + value + "'; allowed: " + String.join(", ", allowed));
            }
            url = url.replace("{" + variable[0] + "}", value);
        }
        return url;
    }
}
