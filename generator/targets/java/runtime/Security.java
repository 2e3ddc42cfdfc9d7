package sdkgen.runtime;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's security schemes and which of the configured credentials a call sends: the first
 * alternative of its requirement (in the document's order) whose schemes are all configured,
 * every scheme of it at once; an empty alternative means none are needed.
 */
public final class Security {
    private final Map<String, Scheme> schemes = new LinkedHashMap<>();
    final String[][] defaultRequirement;
    final String tokenEnv;

    public Security(List<Scheme> schemes, String[][] defaultRequirement, String tokenEnv) {
        for (Scheme scheme : schemes) {
            this.schemes.put(scheme.name, scheme);
        }
        this.defaultRequirement = defaultRequirement;
        this.tokenEnv = tokenEnv;
    }

    /** A scheme named `name` of kind `bearer`, `basic`, `api_key` or `oauth2`. */
    public static Scheme scheme(String name, String kind) {
        return new Scheme(name, kind);
    }

    /** One security scheme: how its credentials travel and the builder options that set them. */
    public static final class Scheme {
        final String name;
        final String kind;
        String place = "header";
        String parameter = "Authorization";
        String[] options = new String[0];
        String[] env = new String[0];
        boolean token;
        boolean tokenAlias;
        String tokenUrl;
        String[] scopes = new String[0];

        private Scheme(String name, String kind) {
            this.name = name;
            this.kind = kind;
        }

        /** An API key's place (`header`, `query`, `cookie`) and parameter name. */
        public Scheme in(String place, String parameter) {
            this.place = place;
            this.parameter = parameter;
            return this;
        }

        /** The builder options of its credentials, in order, and each one's variable. */
        public Scheme options(String[] options, String[] env) {
            this.options = options.clone();
            this.env = env.clone();
            return this;
        }

        /** Its one credential is the client's token (`apiKey`). */
        public Scheme token() {
            this.token = true;
            return this;
        }

        /** The client's token fills it when its own options are not given. */
        public Scheme tokenAlias() {
            this.tokenAlias = true;
            return this;
        }

        /** An OAuth2 client-credentials flow's token URL and scopes. */
        public Scheme oauth2(String tokenUrl, String... scopes) {
            this.tokenUrl = tokenUrl;
            this.scopes = scopes.clone();
            return this;
        }
    }

    /** The credentials one call sends: the schemes of the chosen alternative and values. */
    static final class Chosen {
        final List<Scheme> schemes = new ArrayList<>();
        final List<String[]> values = new ArrayList<>();
    }

    private String token(String given) {
        if (given == null && tokenEnv != null) {
            return emptyToNull(System.getenv(tokenEnv));
        }
        return emptyToNull(given);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The scheme's credentials as configured, or null when some are missing. */
    String[] values(Scheme scheme, Map<String, String> given, String tokenGiven) {
        String token = token(tokenGiven);
        if (scheme.token) {
            return token == null ? null : new String[] {token};
        }
        String[] values = new String[scheme.env.length];
        boolean complete = values.length > 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = emptyToNull(given.get(scheme.name + "#" + i));
            if (values[i] == null && !scheme.env[i].isEmpty()) {
                values[i] = emptyToNull(System.getenv(scheme.env[i]));
            }
            complete = complete && values[i] != null;
        }
        if (scheme.kind.equals("basic") && values.length == 2 && values[0] != null) {
            return new String[] {values[0], values[1] == null ? "" : values[1]};
        }
        if (complete) {
            return values;
        }
        if (scheme.tokenAlias && token != null) {
            if (scheme.kind.equals("basic")) {
                int colon = token.indexOf(':');
                return colon < 0 ? new String[] {token, ""}
                        : new String[] {token.substring(0, colon), token.substring(colon + 1)};
            }
            return new String[] {token};
        }
        return null;
    }

    /** What a call sends; a ConfigurationException naming the options to pass when a needed
     * credential is missing. */
    Chosen choose(String[][] requirement, Map<String, String> given, String token) {
        boolean optional = requirement.length == 0;
        for (String[] alternative : requirement) {
            if (alternative.length == 0) {
                optional = true;
                continue;
            }
            Chosen chosen = new Chosen();
            for (String name : alternative) {
                String[] values = values(schemes.get(name), given, token);
                if (values == null) {
                    chosen = null;
                    break;
                }
                chosen.schemes.add(schemes.get(name));
                chosen.values.add(values);
            }
            if (chosen != null) {
                check(chosen);
                return chosen;
            }
        }
        if (optional) {
            return new Chosen();
        }
        throw missing(requirement, given, token);
    }

    private static void check(Chosen chosen) {
        for (String[] values : chosen.values) {
            for (String value : values) {
                if (value.contains("\r") || value.contains("\n")) {
                    throw new ConfigurationException("a credential contains a line break");
                }
            }
        }
    }

    private ConfigurationException missing(String[][] requirement, Map<String, String> given,
            String token) {
        List<String> hints = new ArrayList<>();
        for (String[] alternative : requirement) {
            List<String> wanted = new ArrayList<>();
            List<String> env = new ArrayList<>();
            for (String name : alternative) {
                Scheme scheme = schemes.get(name);
                if (values(scheme, given, token) != null) {
                    continue;
                }
                for (String option : scheme.options) {
                    wanted.add("." + option + "(...)");
                }
                for (String variable : scheme.env) {
                    if (!variable.isEmpty()) {
                        env.add(variable);
                    }
                }
            }
            String hint = String.join(" and ", wanted);
            hints.add(env.isEmpty() ? hint : hint + " (or set " + String.join(", ", env) + ")");
        }
        return new ConfigurationException(
                "no credentials for this call: pass " + String.join("; or ", hints));
    }

    /** The query parameters the chosen credentials add. */
    static List<String[]> query(Chosen chosen) {
        List<String[]> query = new ArrayList<>();
        for (int i = 0; i < chosen.schemes.size(); i++) {
            Scheme scheme = chosen.schemes.get(i);
            if (scheme.kind.equals("api_key") && scheme.place.equals("query")) {
                query.add(new String[] {scheme.parameter, chosen.values.get(i)[0]});
            }
        }
        return query;
    }

    /** Puts the chosen credentials' headers on a request; tokens are OAuth2 access tokens. */
    static void headers(Chosen chosen, Map<String, String> tokens, HttpRequest.Builder builder,
            List<String> cookies) {
        for (int i = 0; i < chosen.schemes.size(); i++) {
            Scheme scheme = chosen.schemes.get(i);
            String[] values = chosen.values.get(i);
            switch (scheme.kind) {
                case "basic":
                    builder.setHeader("Authorization", basic(values[0], values[1]));
                    break;
                case "oauth2":
                    builder.setHeader("Authorization", "Bearer " + tokens.get(scheme.name));
                    break;
                case "bearer":
                    builder.setHeader("Authorization", "Bearer " + values[0]);
                    break;
                default:
                    if (scheme.place.equals("cookie")) {
                        cookies.add(scheme.parameter + "="
                                + URLEncoder.encode(values[0], StandardCharsets.UTF_8)
                                        .replace("+", "%20"));
                    } else if (scheme.place.equals("header")) {
                        builder.setHeader(scheme.parameter, values[0]);
                    }
            }
        }
    }

    static String basic(String username, String password) {
        String pair = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
