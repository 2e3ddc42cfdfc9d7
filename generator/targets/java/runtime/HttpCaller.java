package sdkgen.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Sends calls: the base URL, auth and headers added, retried with backoff, errors typed. */
public final class HttpCaller {
    private static final Duration MAX_WAIT = Duration.ofSeconds(8);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Set<String> RETRY_SAFE_METHODS =
            Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private final ClientOptions options;
    private final Map<String, OAuthToken> oauthTokens = new ConcurrentHashMap<>();

    public HttpCaller(ClientOptions options) {
        this.options = options;
    }

    public ClientOptions options() {
        return options;
    }

    /** The call's body read as `type` (leniently: a drifted body reads as null). */
    public <T> RawResponse<T> json(ApiRequest request, RequestOptions call, Class<T> type) {
        RawResponse<byte[]> raw = send(request, call);
        return new RawResponse<>(raw.statusCode(), raw.headers(), Json.read(raw.body(), type));
    }

    public <T> RawResponse<T> json(ApiRequest request, RequestOptions call, TypeReference<T> type) {
        RawResponse<byte[]> raw = send(request, call);
        return new RawResponse<>(raw.statusCode(), raw.headers(), Json.read(raw.body(), type));
    }

    public RawResponse<String> text(ApiRequest request, RequestOptions call) {
        RawResponse<byte[]> raw = send(request, call);
        return new RawResponse<>(raw.statusCode(), raw.headers(),
                new String(raw.body(), StandardCharsets.UTF_8));
    }

    public RawResponse<Void> nothing(ApiRequest request, RequestOptions call) {
        RawResponse<byte[]> raw = send(request, call);
        return new RawResponse<>(raw.statusCode(), raw.headers(), null);
    }

    /** The call's events, read as they arrive (see {@link Stream}). */
    public <T> RawResponse<Stream<T>> stream(ApiRequest request, RequestOptions call,
            Class<T> type) {
        return stream(request, call, node -> Json.read(node, type));
    }

    public <T> RawResponse<Stream<T>> stream(ApiRequest request, RequestOptions call,
            TypeReference<T> type) {
        return stream(request, call, node -> Json.read(node, type));
    }

    private <T> RawResponse<Stream<T>> stream(ApiRequest request, RequestOptions call,
            Function<JsonNode, T> reader) {
        RawResponse<InputStream> raw = download(request, call);
        return new RawResponse<>(raw.statusCode(), raw.headers(),
                new Stream<>(raw.body(), raw.statusCode(), raw.headers(), reader));
    }

    /** A call to an endpoint the API's methods do not describe, through the same base URL,
     * credentials, headers, retries and typed errors: `path` is relative to the base URL (a
     * query may follow `?`), `body` (null: none) is sent as JSON, and the answer is read as
     * `type` (`JsonNode.class` for a tree, `byte[].class` for the body as it came). Only
     * GET, HEAD, OPTIONS, PUT and DELETE are retried. */
    public <T> RawResponse<T> raw(String method, String path, Object body, Class<T> type,
            RequestOptions call) {
        ApiRequest request = new ApiRequest(method, path, RETRY_SAFE_METHODS.contains(method));
        if (body != null) {
            request.json(body);
        }
        RawResponse<byte[]> raw = send(request, call);
        T read = type == byte[].class ? type.cast(raw.body()) : Json.read(raw.body(), type);
        return new RawResponse<>(raw.statusCode(), raw.headers(), read);
    }

    /** The call's body unread, to be read as it arrives and closed by the caller. */
    public RawResponse<InputStream> download(ApiRequest request, RequestOptions call) {
        HttpResponse<InputStream> response = exchange(request, call,
                HttpResponse.BodyHandlers.ofInputStream(), HttpCaller::drain);
        return new RawResponse<>(response.statusCode(), response.headers(), response.body());
    }

    /** The call's body as bytes, after retries; ApiException for an unsuccessful status. An
     * OAuth2 token the API refuses with a 401 is fetched again once. */
    public RawResponse<byte[]> send(ApiRequest request, RequestOptions call) {
        HttpResponse<byte[]> response = exchange(request, call,
                HttpResponse.BodyHandlers.ofByteArray(), bytes -> bytes);
        return new RawResponse<>(response.statusCode(), response.headers(), response.body());
    }

    /** The whole of a body read as a stream (an error's), closed after. */
    private static byte[] drain(InputStream body) {
        try (InputStream closing = body) {
            return closing.readAllBytes();
        } catch (IOException failed) {
            return new byte[0];
        }
    }

    /** Sends the call until it succeeds, fails for good or runs out of retries; `bytesOf`
     * reads the body of an unsuccessful response. */
    private <B> HttpResponse<B> exchange(ApiRequest request, RequestOptions call,
            HttpResponse.BodyHandler<B> handler, Function<B, byte[]> bytesOf) {
        RequestOptions given = call == null ? RequestOptions.builder().build() : call;
        int retries = given.getMaxRetries().orElse(options.maxRetries);
        Security.Chosen chosen = options.security.choose(
                request.security != null ? request.security : options.security.defaultRequirement,
                options.credentials, given.getApiKey().orElse(options.apiKey));
        String key = idempotencyKey(request, given);
        boolean refreshed = false;
        for (int attempt = 0; ; attempt++) {
            Map<String, String> tokens = tokens(chosen);
            HttpResponse<B> response;
            try {
                HttpRequest built = build(request, given, chosen, tokens, key);
                response = options.httpClient.send(built, handler);
            } catch (IOException failed) {
                if (attempt < retries && request.retrySafe) {
                    sleep(backoff(attempt));
                    continue;
                }
                throw new SdkException(request.method + " " + request.path + " failed: " + failed,
                        failed);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SdkException("interrupted", interrupted);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            byte[] bytes = bytesOf.apply(response.body());
            if (status == 401 && !tokens.isEmpty() && !refreshed) {
                refreshed = true;
                forget(chosen, tokens);
                attempt--;
                continue;
            }
            if (attempt < retries && retryable(status, request.retrySafe)) {
                sleep(retryAfter(response.headers()).orElse(backoff(attempt)));
                continue;
            }
            throw error(request, status, response.headers(), bytes);
        }
    }

    /** The OAuth2 access tokens of the chosen schemes, by scheme. */
    private Map<String, String> tokens(Security.Chosen chosen) {
        Map<String, String> tokens = new HashMap<>();
        for (int i = 0; i < chosen.schemes.size(); i++) {
            Security.Scheme scheme = chosen.schemes.get(i);
            if (scheme.kind.equals("oauth2")) {
                String[] values = chosen.values.get(i);
                tokens.put(scheme.name, token(scheme, values[0])
                        .get(options.httpClient, options.baseUrl, values));
            }
        }
        return tokens;
    }

    private void forget(Security.Chosen chosen, Map<String, String> tokens) {
        for (int i = 0; i < chosen.schemes.size(); i++) {
            Security.Scheme scheme = chosen.schemes.get(i);
            if (tokens.containsKey(scheme.name)) {
                token(scheme, chosen.values.get(i)[0]).forget(tokens.get(scheme.name));
            }
        }
    }

    private OAuthToken token(Security.Scheme scheme, String clientId) {
        return oauthTokens.computeIfAbsent(scheme.name + "\u0000" + clientId,
                key -> new OAuthToken(scheme));
    }

    private static boolean retryable(int status, boolean retrySafe) {
        return status == 429 || ((status == 408 || status == 409 || status >= 500) && retrySafe);
    }

    /** The call's one idempotency key: the option's, else a new one unless the call sets the
     * header itself; null when the operation takes no key. */
    private static String idempotencyKey(ApiRequest request, RequestOptions call) {
        String header = request.idempotencyHeader;
        if (header == null) {
            return null;
        }
        Optional<String> own = call.getIdempotencyKey();
        if (own.isPresent()) {
            return own.get();
        }
        if (request.hasHeader(header) || call.hasHeader(header)) {
            return null;
        }
        return UUID.randomUUID().toString();
    }

    private HttpRequest build(ApiRequest request, RequestOptions call, Security.Chosen chosen,
            Map<String, String> tokens, String idempotencyKey) {
        String query = request.queryString(Security.query(chosen));
        URI uri = request.absoluteUrl != null
                ? URI.create(options.baseUrl).resolve(request.absoluteUrl)
                : URI.create(options.baseUrl + request.path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(call.getTimeout().orElse(options.timeout));
        HttpRequest.BodyPublisher body = request.body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body);
        builder.method(request.method, body);
        if (request.contentType != null) {
            builder.header("Content-Type", request.contentType);
        }
        builder.header("Accept", request.accept);
        List<String> cookies = new ArrayList<>();
        Security.headers(chosen, tokens, builder, cookies);
        List<String[]> headers = new ArrayList<>(options.headers);
        headers.addAll(request.headers);
        headers.addAll(call.headers());
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase("Cookie")) {
                cookies.add(0, header[1]);
            } else {
                builder.setHeader(header[0], header[1]);
            }
        }
        if (!cookies.isEmpty()) {
            builder.setHeader("Cookie", String.join("; ", cookies));
        }
        if (idempotencyKey != null) {
            builder.setHeader(request.idempotencyHeader, idempotencyKey);
        }
        return builder.build();
    }

    private ApiException error(ApiRequest request, int status, HttpHeaders headers, byte[] bytes) {
        JsonNode parsed = parse(bytes);
        Object body = parsed != null ? Json.read(parsed, Object.class)
                : new String(bytes, StandardCharsets.UTF_8);
        String message = request.method + " " + request.path + ": status " + status
                + (bytes.length > 0 ? ": " + abbreviated(bytes) : "");
        return options.errors.create(message, status, headers, body);
    }

    private static String abbreviated(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    static JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return ObjectMappers.JSON.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }

    private Duration backoff(int attempt) {
        Duration wait = options.retryUnit.multipliedBy(1L << Math.min(attempt, 10));
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis((long) (wait.toMillis() * jitter));
    }

    /** The wait a `Retry-After` header asks for (seconds or an HTTP date), at most a minute. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Duration wait;
        try {
            wait = Duration.ofMillis((long) (Double.parseDouble(value.get().trim()) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.get().trim(),
                        DateTimeFormatter.RFC_1123_DATE_TIME);
                wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SdkException("interrupted while waiting to retry", interrupted);
        }
    }
}
