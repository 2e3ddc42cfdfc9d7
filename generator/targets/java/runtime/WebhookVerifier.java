package sdkgen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook deliveries: `verify` checks a delivery's HMAC-SHA256 signature (in constant time) and
 * that its timestamp is within the tolerance either way; `parse` reads the event as its class;
 * `sign` makes the headers the API would send, for tests of your own handler.
 */
public final class WebhookVerifier {
    private static final String[] PREFIXES = {"v0=", "v1=", "sha256="};

    private final String signatureHeader;
    private final String timestampHeader;
    private final String signedPayload;
    private final long toleranceSeconds;
    private final String typeProperty;
    private final Map<String, Class<?>> events;

    /** A verifier; `signatureHeader` null when the API declares no signing. */
    public WebhookVerifier(String signatureHeader, String timestampHeader, String signedPayload,
            long toleranceSeconds, String typeProperty, Map<String, Class<?>> events) {
        this.signatureHeader = signatureHeader;
        this.timestampHeader = timestampHeader;
        this.signedPayload = signedPayload;
        this.toleranceSeconds = toleranceSeconds;
        this.typeProperty = typeProperty;
        this.events = new LinkedHashMap<>(events);
    }

    /** True when `body` is signed with `secret` and recent; never throws. */
    public boolean verify(String body, Map<String, List<String>> headers, String secret) {
        try {
            check(body, headers, secret, Instant.now().getEpochSecond());
            return true;
        } catch (SdkException rejected) {
            return false;
        }
    }

    /** The event read as its class (a model), or as a JSON tree when its type is unknown. */
    public Object parse(String body) {
        JsonNode event;
        try {
            event = ObjectMappers.JSON.readTree(body);
        } catch (IOException notJson) {
            throw new SdkException("the webhook body is not JSON", notJson);
        }
        if (event == null || !event.isObject()) {
            throw new SdkException("the webhook body is not a JSON object");
        }
        JsonNode type = event.get(typeProperty);
        Class<?> model = type == null ? null : events.get(type.asText());
        return model == null ? event : Json.read(event, model);
    }

    /** The event as `type` when it is one, checked first: `verify` and `parse` in one. */
    public <T> Optional<T> verifyAndParse(String body, Map<String, List<String>> headers,
            String secret, Class<T> type) {
        check(body, headers, secret, Instant.now().getEpochSecond());
        Object event = parse(body);
        return type.isInstance(event) ? Optional.of(type.cast(event)) : Optional.empty();
    }

    /** The headers the API would sign `body` with at `timestamp` (Unix seconds). */
    public Map<String, String> sign(String body, String secret, long timestamp) {
        requireSigning(secret);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(timestampHeader, Long.toString(timestamp));
        headers.put(signatureHeader, signature(Long.toString(timestamp), body, secret));
        return headers;
    }

    private void check(String body, Map<String, List<String>> headers, String secret, long now) {
        requireSigning(secret);
        String timestamp = header(headers, timestampHeader).trim();
        long stamp;
        try {
            stamp = Long.parseLong(timestamp);
        } catch (NumberFormatException notTime) {
            throw new SdkException("the timestamp header is not a Unix time");
        }
        if (Math.abs(now - stamp) > toleranceSeconds) {
            throw new SdkException("the timestamp is outside the allowed tolerance");
        }
        byte[] expected = signature(timestamp, body, secret).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : header(headers, signatureHeader).replace(',', ' ').split("\\s+")) {
            String hex = candidate;
            for (String prefix : PREFIXES) {
                hex = hex.startsWith(prefix) ? hex.substring(prefix.length()) : hex;
            }
            byte[] given = hex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(given, expected)) {
                return;
            }
        }
        throw new SdkException("the signature does not match");
    }

    private void requireSigning(String secret) {
        if (signatureHeader == null) {
            throw new SdkException("this API declares no webhook signing scheme");
        }
        if (secret == null || secret.isEmpty()) {
            throw new SdkException("no signing secret");
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        throw new SdkException("missing the " + name + " header");
    }

    private String signature(String timestamp, String body, String secret) {
        String payload = signedPayload.replace("{timestamp}", timestamp).replace("{body}", body);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder();
            for (byte b : mac.doFinal(payload.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (GeneralSecurityException unavailable) {
            throw new SdkException("HMAC-SHA256 is unavailable", unavailable);
        }
    }
}
