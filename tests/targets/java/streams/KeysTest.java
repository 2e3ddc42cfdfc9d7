// Idempotency keys and raw calls in the Java SDK of tests/support/streams_spec.yaml: against
// the scripted server (STREAM_SERVER_URL: the first request of each key to /charges loses its
// connection) and against a server of the test's own that answers 500 once per key.

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.streams.AsyncStreamsClient;
import com.example.streams.StreamsClient;
import com.example.streams.core.ApiException;
import com.example.streams.core.RawResponse;
import com.example.streams.core.RequestOptions;
import com.example.streams.resources.charges.requests.ChargesCreateRequest;
import com.example.streams.types.Charge;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeysTest {
    private HttpServer server;
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    private final List<String> credentials = Collections.synchronizedList(new ArrayList<>());

    /** Answers 500 to the first request of each key (and to every request without one), then
     * a charge named after the key; 404 under /missing. */
    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        boolean first = key == null || !keys.contains(key);
        keys.add(key);
        credentials.add(exchange.getRequestHeaders().getFirst("Authorization"));
        int status = 200;
        String body = "{\"id\": \"ch_" + key + "\", \"amount\": 5}";
        if (exchange.getRequestURI().getPath().endsWith("/missing")) {
            status = 404;
            body = "{\"error\": \"no such thing\"}";
        } else if (first) {
            status = 500;
            body = "{\"error\": \"try again\"}";
            exchange.getResponseHeaders().set("Retry-After", "0");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String flakyUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private StreamsClient flaky() {
        return StreamsClient.builder().apiKey("t").url(flakyUrl()).retryUnit(Duration.ofMillis(1))
                .build();
    }

    private static StreamsClient scripted() {
        return StreamsClient.builder().apiKey("t").url(System.getenv("STREAM_SERVER_URL"))
                .retryUnit(Duration.ofMillis(1)).build();
    }

    private static ChargesCreateRequest amount(int amount) {
        return ChargesCreateRequest.builder().amount(amount).build();
    }

    @Test
    void aRetryAfterADroppedConnectionResendsTheSameKey() {
        StreamsClient client = scripted();
        Charge first = client.charges().create(amount(5));
        Charge second = client.charges().create(amount(7));
        assertNotEquals(first.getId(), second.getId());
        assertEquals("ch_".length() + 36, first.getId().length());
    }

    @Test
    void aRetryAfterA500ResendsTheSameKey() {
        Charge charge = flaky().charges().create(amount(5));
        assertEquals(2, keys.size());
        assertEquals(keys.get(0), keys.get(1));
        assertEquals("ch_" + keys.get(0), charge.getId());
    }

    @Test
    void theCallersOwnKeyIsKeptOnEveryRetry() {
        StreamsClient client = flaky();
        ChargesCreateRequest own = ChargesCreateRequest.builder().amount(5).idempotencyKey("mine")
                .build();
        Charge byField = client.charges().create(own);
        Charge byOption = client.charges().create(amount(5),
                RequestOptions.builder().idempotencyKey("theirs").build());
        assertEquals("ch_mine", byField.getId());
        assertEquals("ch_theirs", byOption.getId());
        assertEquals(List.of("mine", "mine", "theirs", "theirs"), keys);
    }

    @Test
    void aRawPostWithoutAKeyIsNotRetried() {
        ApiException error = assertThrows(ApiException.class,
                () -> flaky().post("/charges", Map.of("amount", 5), JsonNode.class));
        assertEquals(500, error.statusCode());
        assertEquals(Collections.singletonList(null), keys);
    }

    @Test
    void rawCallsAuthenticateRetryAndRead() {
        StreamsClient client = flaky();
        RequestOptions keyed = RequestOptions.builder().addHeader("Idempotency-Key", "raw")
                .build();
        Charge charge = client.put("/charges", Map.of("amount", 5), Charge.class, keyed);
        assertEquals("ch_raw", charge.getId());
        RawResponse<JsonNode> tree = client.withRawResponse().get("/charges?x=1", JsonNode.class,
                keyed);
        assertEquals(200, tree.statusCode());
        assertEquals("ch_raw", tree.body().get("id").asText());
        byte[] bytes = client.get("/charges", byte[].class, keyed);
        assertArrayEquals("{\"id\": \"ch_raw\", \"amount\": 5}".getBytes(StandardCharsets.UTF_8),
                bytes);
        AsyncStreamsClient deferred = AsyncStreamsClient.builder().apiKey("t").url(flakyUrl())
                .build();
        assertEquals("ch_raw", deferred.get("/charges", Charge.class, keyed).join().getId());
        assertEquals(Collections.nCopies(5, "raw"), keys);
        assertEquals(Collections.nCopies(5, "Bearer t"), credentials);
    }

    @Test
    void aRawCallRaisesTheTypedError() {
        ApiException missing = assertThrows(ApiException.class,
                () -> flaky().delete("/missing", JsonNode.class));
        assertEquals(404, missing.statusCode());
        ApiException nowhere = assertThrows(ApiException.class,
                () -> scripted().get("/nowhere", JsonNode.class));
        assertEquals(404, nowhere.statusCode());
    }
}
