package sdkgen.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What one call changes of the client's options: timeout, retries, token, extra headers. */
public final class RequestOptions {
    private final Duration timeout;
    private final Integer maxRetries;
    private final String apiKey;
    private final List<String[]> headers;
    private final String idempotencyKey;

    private RequestOptions(Builder builder) {
        this.timeout = builder.timeout;
        this.maxRetries = builder.maxRetries;
        this.apiKey = builder.apiKey;
        this.headers = Collections.unmodifiableList(new ArrayList<>(builder.headers));
        this.idempotencyKey = builder.idempotencyKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Duration> getTimeout() {
        return Optional.ofNullable(timeout);
    }

    public Optional<Integer> getMaxRetries() {
        return Optional.ofNullable(maxRetries);
    }

    public Optional<String> getApiKey() {
        return Optional.ofNullable(apiKey);
    }

    public Optional<String> getIdempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    List<String[]> headers() {
        return headers;
    }

    /** Whether the call's headers set `name`. */
    boolean hasHeader(String name) {
        return headers.stream().anyMatch(header -> header[0].equalsIgnoreCase(name));
    }

    public static final class Builder {
        private Duration timeout;
        private Integer maxRetries;
        private String apiKey;
        private final List<String[]> headers = new ArrayList<>();
        private String idempotencyKey;

        private Builder() {}

        /** The call's timeout in seconds. */
        public Builder timeout(int seconds) {
            this.timeout = Duration.ofSeconds(seconds);
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

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder addHeader(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        /** The call's own idempotency key (sent on every retry) instead of a new one, for an
         * operation that takes a key. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
