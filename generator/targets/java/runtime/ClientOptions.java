package sdkgen.runtime;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/** A client's settings, fixed when it is built; every resource client shares them. */
public final class ClientOptions {
    final String baseUrl;
    final String apiKey;
    final Security security;
    final Map<String, String> credentials;
    final List<String[]> headers;
    final Duration timeout;
    final int maxRetries;
    final HttpClient httpClient;
    final ErrorFactory errors;
    final Executor executor;
    final Duration retryUnit;
    final Duration pollInterval;
    final Duration pollTimeout;

    private ClientOptions(Builder builder) {
        this.baseUrl = builder.baseUrl.endsWith("/")
                ? builder.baseUrl.substring(0, builder.baseUrl.length() - 1) : builder.baseUrl;
        this.apiKey = builder.apiKey;
        this.security = builder.security;
        this.credentials = Collections.unmodifiableMap(new HashMap<>(builder.credentials));
        this.headers = Collections.unmodifiableList(new ArrayList<>(builder.headers));
        this.timeout = builder.timeout;
        this.maxRetries = builder.maxRetries;
        this.httpClient = builder.httpClient != null ? builder.httpClient
                : HttpClient.newBuilder().connectTimeout(builder.timeout).build();
        this.errors = builder.errors;
        this.executor = builder.executor != null ? builder.executor : ForkJoinPool.commonPool();
        this.retryUnit = builder.retryUnit;
        this.pollInterval = builder.pollInterval;
        this.pollTimeout = builder.pollTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Executor executor() {
        return executor;
    }

    public static final class Builder {
        private String baseUrl = "";
        private String apiKey;
        private Security security = new Security(List.of(), new String[0][], null);
        private final Map<String, String> credentials = new HashMap<>();
        private final List<String[]> headers = new ArrayList<>();
        private Duration timeout = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private HttpClient httpClient;
        private ErrorFactory errors = ApiException::new;
        private Executor executor;
        private Duration retryUnit = Duration.ofMillis(500);
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration pollTimeout = Duration.ofMinutes(10);

        private Builder() {}

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The API's security schemes and the requirement of an operation without its own. */
        public Builder security(Security security) {
            this.security = security;
            return this;
        }

        /** Credential `index` of scheme `scheme` (the generated builder options call it). */
        public Builder credential(String scheme, int index, String value) {
            credentials.put(scheme + "#" + index, value);
            return this;
        }

        public Builder addHeader(String name, String value) {
            headers.removeIf(pair -> pair[0].equalsIgnoreCase(name));
            headers.add(new String[] {name, value});
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        public Builder errors(ErrorFactory errors) {
            this.errors = errors;
            return this;
        }

        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** The first retry's wait before jitter; each further retry doubles it (to 8 s). */
        public Builder retryUnit(Duration retryUnit) {
            this.retryUnit = retryUnit;
            return this;
        }

        /** The first wait between polls of a run; each further wait grows by half (to 30 s). */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** How long a poll helper waits for a run before it gives up. */
        public Builder pollTimeout(Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(this);
        }
    }
}
