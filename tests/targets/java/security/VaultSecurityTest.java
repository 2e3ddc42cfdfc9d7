// Behaviour tests of the Java SDK of tests/support/security_spec.py: each call sends the
// credentials its operation names, against scripted local servers and sdkgen's mock
// (VAULT_MOCK_URL, which checks every scheme). The runner sets VAULT_OIDC_TOKEN=from-env and
// empties the SDK's other variables.

package com.example.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.vault.core.ApiException;
import com.example.vault.core.ConfigurationException;
import com.example.vault.core.RequestOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VaultSecurityTest {
    /** One request a recorder received. */
    private static final class Seen {
        final String path;
        final String query;
        final com.sun.net.httpserver.Headers headers;
        final String body;

        Seen(HttpExchange exchange, String body) {
            this.path = exchange.getRequestURI().getPath();
            this.query = exchange.getRequestURI().getRawQuery();
            this.headers = exchange.getRequestHeaders();
            this.body = body;
        }

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** A local server recording each request: its token endpoint hands out token-1, token-2,
     * ... (living `expiresIn` seconds); a request with X-Refuse answers 401 to token-1. */
    private static final class Recorder implements AutoCloseable {
        final HttpServer server;
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        final AtomicInteger tokens = new AtomicInteger();
        volatile int expiresIn = 3600;
        volatile long waitMillis;

        Recorder() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::answer);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        private void answer(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(exchange, body));
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            int status = 200;
            String answer = "{}";
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (exchange.getRequestURI().getPath().equals("/oauth/token")) {
                answer = "{\"access_token\":\"token-" + tokens.incrementAndGet()
                        + "\",\"expires_in\":" + expiresIn + "}";
            } else if ("Bearer token-1".equals(authorization)
                    && exchange.getRequestHeaders().containsKey("X-Refuse")) {
                status = 401;
                answer = "{\"error\":\"expired\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        VaultClient.Builder client() {
            return VaultClient.builder()
                    .url("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                    .maxRetries(0);
        }

        List<Seen> sent(String path) {
            List<Seen> found = new ArrayList<>();
            for (Seen request : seen) {
                if (request.path.equals(path)) {
                    found.add(request);
                }
            }
            return found;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aKeyAloneForBasicIsTheUsernameWithAnEmptyPassword() throws IOException {
        try (Recorder r = new Recorder()) {
            r.client().username("sk_test_123").build().charges().list();
            assertEquals(basic("sk_test_123:"), r.sent("/v1/charges").get(0).header("Authorization"));
        }
    }

    @Test
    void alternativesFollowTheDocumentOrderAmongWhatIsConfigured() throws IOException {
        try (Recorder r = new Recorder()) {
            r.client().apiKey("sk_test_123").build().charges().list();
            r.client().username("u").password("p").apiKey("t").build().charges().list();
            List<Seen> sent = r.sent("/v1/charges");
            assertEquals("Bearer sk_test_123", sent.get(0).header("Authorization"));
            assertEquals(basic("u:p"), sent.get(1).header("Authorization"));
        }
    }

    @Test
    void severalKeysOfARequirementAreSentTogether() throws IOException {
        try (Recorder r = new Recorder()) {
            r.client().apiKey("t").plaidClientId("id-1").plaidSecret("s-1").build().link().list();
            Seen sent = r.sent("/v1/link").get(0);
            assertEquals("id-1", sent.header("PLAID-CLIENT-ID"));
            assertEquals("s-1", sent.header("PLAID-SECRET"));
            assertNull(sent.header("Authorization"));
        }
    }

    @Test
    void aMissingKeyNamesTheOptionsToPass() throws IOException {
        try (Recorder r = new Recorder()) {
            VaultClient client = r.client().apiKey("t").plaidClientId("id-1").build();
            ConfigurationException missing = assertThrows(ConfigurationException.class,
                    () -> client.link().list());
            assertTrue(missing.getMessage().contains(".plaidSecret(...) (or set VAULT_PLAID_SECRET)"),
                    missing.getMessage());
            assertTrue(r.seen.isEmpty());
        }
    }

    @Test
    void securityNoneSendsNothingAndNeedsNothing() throws IOException {
        try (Recorder r = new Recorder()) {
            VaultClient anonymous = r.client().build();
            anonymous.status().list();
            r.client().apiKey("t").apiKey2("k").build().status().list();
            for (Seen request : r.sent("/v1/status")) {
                assertNull(request.header("Authorization"));
                assertNull(request.query);
            }
            ConfigurationException missing = assertThrows(ConfigurationException.class,
                    () -> anonymous.charges().list());
            assertTrue(missing.getMessage().startsWith(
                    "no credentials for this call: pass .username(...) and .password(...)"),
                    missing.getMessage());
        }
    }

    @Test
    void anOptionalQueryKeyIsSentWhenConfigured() throws IOException {
        try (Recorder r = new Recorder()) {
            r.client().build().catalog().list();
            r.client().apiKey2("k-1").build().catalog().list();
            List<Seen> sent = r.sent("/v1/catalog");
            assertNull(sent.get(0).query);
            assertEquals("api_key=k-1", sent.get(1).query);
        }
    }

    @Test
    void aCookieKeyAndOpenIdConnectFromTheEnvironment() throws IOException {
        try (Recorder r = new Recorder()) {
            VaultClient client = r.client().sessionId("c 1").build();
            client.session().list();
            client.profile().list();
            assertEquals("session_id=c%201", r.sent("/v1/session").get(0).header("Cookie"));
            assertEquals("Bearer from-env", r.sent("/v1/profile").get(0).header("Authorization"));
        }
    }

    @Test
    void aTokenPerCallAndALineBreakRefused() throws IOException {
        try (Recorder r = new Recorder()) {
            VaultClient client = r.client().apiKey("client").build();
            client.charges().list(RequestOptions.builder().apiKey("call").build());
            assertEquals("Bearer call", r.sent("/v1/charges").get(0).header("Authorization"));
            assertThrows(ConfigurationException.class,
                    () -> client.charges().list(RequestOptions.builder().apiKey("a\r\nX: 1").build()));
        }
    }

    private static VaultClient oauth(Recorder r) {
        return r.client().clientId("app").clientSecret("pw").build();
    }

    @Test
    void oauth2FetchesATokenOnFirstUseAndKeepsIt() throws IOException {
        try (Recorder r = new Recorder()) {
            VaultClient client = oauth(r);
            client.reports().list();
            client.reports().list();
            List<Seen> fetches = r.sent("/oauth/token");
            assertEquals(1, fetches.size());
            assertEquals(basic("app:pw"), fetches.get(0).header("Authorization"));
            assertEquals("grant_type=client_credentials&scope=reports%3Aread", fetches.get(0).body);
            for (Seen call : r.sent("/v1/reports")) {
                assertEquals("Bearer token-1", call.header("Authorization"));
            }
        }
    }

    @Test
    void oauth2RefreshesOnceOnA401() throws IOException {
        try (Recorder r = new Recorder()) {
            oauth(r).reports().list(RequestOptions.builder().addHeader("X-Refuse", "1").build());
            List<Seen> calls = r.sent("/v1/reports");
            assertEquals(2, calls.size());
            assertEquals("Bearer token-1", calls.get(0).header("Authorization"));
            assertEquals("Bearer token-2", calls.get(1).header("Authorization"));
        }
    }

    @Test
    void oauth2FetchesAgainOnceTheTokenExpires() throws Exception {
        try (Recorder r = new Recorder()) {
            r.expiresIn = 1; // kept half its life: 0.5 s
            VaultClient client = oauth(r);
            client.reports().list();
            Thread.sleep(600);
            client.reports().list();
            assertEquals(2, r.sent("/oauth/token").size());
            assertEquals("Bearer token-2", r.sent("/v1/reports").get(1).header("Authorization"));
        }
    }

    @Test
    void concurrentFirstCallsFetchOneToken() throws Exception {
        try (Recorder r = new Recorder()) {
            r.waitMillis = 20;
            VaultClient client = oauth(r);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return client.reports().list();
                }, threads));
            }
            start.countDown();
            CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).join();
            threads.shutdown();
            assertEquals(1, r.sent("/oauth/token").size());
        }
    }

    @Test
    void serverVariablesTakeTheirDefaultsAndCheckTheirValues() {
        assertEquals("https://us.vault.test/v1",
                VaultClient.builder().apiKey("t").build().caller().options().baseUrl());
        assertEquals("https://eu.vault.test/v2", VaultClient.builder().apiKey("t").region("eu")
                .base("v2").build().caller().options().baseUrl());
        ConfigurationException wrong = assertThrows(ConfigurationException.class,
                () -> VaultClient.builder().region("mars").build());
        assertEquals("server variable 'region' cannot be 'mars'; allowed: us, eu", wrong.getMessage());
    }

    @Test
    void theMockAcceptsWhatTheSdkSendsAndChecksEachScheme() {
        String base = System.getenv("VAULT_MOCK_URL");
        VaultClient good = VaultClient.builder().url(base).username("sk_test_123")
                .plaidClientId("id-1").plaidSecret("s-1").apiKey2("k").sessionId("c").build();
        good.charges().list();
        good.link().list();
        good.status().list();
        good.catalog().list();
        good.session().list();
        good.profile().list();
        VaultClient wrong = VaultClient.builder().url(base).username("sk_test_123").password("x")
                .maxRetries(0).build();
        ApiException refused = assertThrows(ApiException.class, () -> wrong.charges().list());
        assertEquals(400, refused.statusCode());
    }
}
