package sdkgen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The access token of an OAuth2 client-credentials flow: fetched on first use (once, for
 * calls that start together), kept until shortly before it expires, fetched again when the
 * API answers 401.
 */
final class OAuthToken {
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final Security.Scheme scheme;
    private String token;
    private Instant expires = Instant.MIN;

    OAuthToken(Security.Scheme scheme) {
        this.scheme = scheme;
    }

    /** The cached token while it is good, else a new one from the token endpoint. */
    synchronized String get(HttpClient client, String baseUrl, String[] credentials) {
        if (token != null && Instant.now().isBefore(expires)) {
            return token;
        }
        return fetch(client, baseUrl, credentials);
    }

    /** Drops `refused` (the API refused it), unless another call already replaced it. */
    synchronized void forget(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }

    private String fetch(HttpClient client, String baseUrl, String[] credentials) {
        String form = "grant_type=client_credentials";
        if (scheme.scopes.length > 0) {
            form += "&scope=" + URLEncoder.encode(String.join(" ", scheme.scopes),
                    StandardCharsets.UTF_8);
        }
        URI endpoint = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/")
                .resolve(scheme.tokenUrl);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Authorization", Security.basic(credentials[0], credentials[1]))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException failed) {
            throw new SdkException("the token request of " + scheme.name + " failed: " + failed,
                    failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SdkException("interrupted", interrupted);
        }
        JsonNode body = HttpCaller.parse(response.body());
        if (response.statusCode() >= 400 || body == null || !body.path("access_token").isTextual()
                || body.path("access_token").asText().isEmpty()) {
            throw new ConfigurationException("the token endpoint of " + scheme.name
                    + " answered " + response.statusCode() + " without an access_token");
        }
        token = body.path("access_token").asText();
        expires = Instant.MAX;
        if (body.path("expires_in").isNumber()) {
            Duration lifetime = Duration.ofMillis((long) (body.path("expires_in").asDouble() * 1000));
            Duration keep = lifetime.minus(EXPIRY_MARGIN);
            if (keep.compareTo(lifetime.dividedBy(2)) < 0) {
                keep = lifetime.dividedBy(2);
            }
            expires = Instant.now().plus(keep);
        }
        return token;
    }
}
