// Behaviour tests of the generated Extend Java SDK: against sdkgen's mock (SPEC_SERVER_URL, every
// request checked against the spec by the pytest runner) and scripted local servers.

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.extend.AsyncExtendClient;
import ai.extend.ExtendClient;
import ai.extend.core.ApiException;
import ai.extend.core.Environment;
import ai.extend.core.FileUpload;
import ai.extend.core.ObjectMappers;
import ai.extend.core.RawResponse;
import ai.extend.core.RequestOptions;
import ai.extend.core.SdkException;
import ai.extend.core.WebhookVerifier;
import ai.extend.errors.BadRequestError;
import ai.extend.errors.NotFoundError;
import ai.extend.resources.extractruns.requests.ExtractRunsCreateRequest;
import ai.extend.resources.files.requests.FilesListRequest;
import ai.extend.resources.files.requests.FilesUploadRequest;
import ai.extend.types.ExtractRequestExtractor;
import ai.extend.types.ExtractRun;
import ai.extend.types.ExtractRunProcessedWebhookEvent;
import ai.extend.types.File;
import ai.extend.types.FileFromUrl;
import ai.extend.types.FileInput;
import ai.extend.types.FileSummary;
import ai.extend.types.FilesListResponse;
import ai.extend.types.ProcessorRunStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExtendTest {
    private static final String FILE_JSON = "{\"object\":\"file\",\"id\":\"file_1\",\"name\":\"a.pdf\","
            + "\"type\":\"PDF\",\"metadata\":{},\"createdAt\":\"2024-01-02T03:04:05Z\","
            + "\"updatedAt\":\"2024-01-02T03:04:05Z\"}";

    private static ExtendClient.Builder mockBuilder() {
        String base = System.getenv("SPEC_SERVER_URL");
        if (base == null || base.isEmpty()) {
            throw new IllegalStateException("SPEC_SERVER_URL is not set: pytest starts the mock");
        }
        return ExtendClient.builder().url(base).apiKey(System.getenv("SPEC_SERVER_TOKEN"));
    }

    private static ExtendClient mock() {
        return mockBuilder().build();
    }

    private static ExtractRunsCreateRequest extractRequest() {
        return ExtractRunsCreateRequest.builder()
                .extractor(ExtractRequestExtractor.builder().id("ex_1").build())
                .file(FileInput.of(FileFromUrl.builder().url("https://example.com/a.pdf").build()))
                .build();
    }

    /** A local server answering each request with `answer` (status, headers, body). */
    private static final class Scripted implements AutoCloseable {
        final HttpServer server;
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        Scripted(Function<Integer, Object[]> answer) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> reply(exchange, answer));
            server.start();
        }

        private void reply(HttpExchange exchange, Function<Integer, Object[]> answer)
                throws IOException {
            int call = calls.getAndIncrement();
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            headers.add(exchange.getRequestHeaders());
            exchange.getRequestBody().readAllBytes();
            Object[] reply = answer.apply(call);
            if (reply.length > 3) {
                try {
                    Thread.sleep((Integer) reply[3]);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, String> extra = (Map<String, String>) reply[1];
            extra.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = ((String) reply[2]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((Integer) reply[0], body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        ExtendClient client() {
            return ExtendClient.builder().url("http://127.0.0.1:" + server.getAddress().getPort())
                    .apiKey("key").retryUnit(Duration.ofMillis(5)).build();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static Object[] answer(int status, String body) {
        return new Object[] {status, Map.of(), body};
    }

    @Test
    void retrievesAFile() {
        File file = mock().files().retrieve("file_abc");
        assertFalse(file.getId().isEmpty());
    }

    @Test
    void withRawResponseGivesStatusAndHeaders() {
        RawResponse<File> response = mock().files().withRawResponse().retrieve("file_abc");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").isPresent());
        assertNotNull(response.body().getId());
    }

    @Test
    void aListReturnsItsPage() {
        FilesListResponse page = mock().files().list(FilesListRequest.builder().maxPageSize(5).build());
        assertFalse(page.getData().isEmpty());
        assertEquals("page_1", page.getNextPageToken().orElse(""));
    }

    @Test
    void autoPagingWalksEveryPage() {
        ExtendClient client = mock();
        int first = client.files().list(FilesListRequest.builder().maxPageSize(5).build()).getData().size();
        int count = 0;
        for (FileSummary item : client.files().listAutoPaging(FilesListRequest.builder().maxPageSize(5).build())) {
            assertNotNull(item.getId());
            count++;
            assertTrue(count < 100, "pagination did not end");
        }
        assertTrue(count > first, "only " + count + " items");
    }

    @Test
    void createsWithAJsonBody() {
        ExtractRun run = mock().extractRuns().create(extractRequest());
        assertFalse(run.getId().isEmpty());
    }

    @Test
    void createAndPollWaitsForATerminalStatus() {
        ExtendClient client = mockBuilder().pollInterval(Duration.ofMillis(10)).build();
        ExtractRun run = client.extractRuns().createAndPoll(extractRequest());
        assertSame(ProcessorRunStatus.PROCESSED, run.getStatus());
    }

    @Test
    void uploadSendsMultipart() {
        FilesUploadRequest request = FilesUploadRequest.builder()
                .file(FileUpload.of("%PDF".getBytes(StandardCharsets.UTF_8), "a.pdf", "application/pdf"))
                .build();
        assertFalse(mock().files().upload(request).getId().isEmpty());
    }

    @Test
    void pathParametersArePercentEncoded() {
        assertNotNull(mock().files().retrieve("a/b c?d").getId());
    }

    @Test
    void aRejectedTokenIsATypedError() {
        ExtendClient client = mockBuilder().apiKey("wrong").maxRetries(0).build();
        BadRequestError error = assertThrows(BadRequestError.class, () -> client.files().retrieve("file_abc"));
        assertEquals(400, error.statusCode());
        assertTrue(error.getMessage().contains("Authorization"), error.getMessage());
    }

    @Test
    void theAsyncClientReturnsFutures() throws Exception {
        AsyncExtendClient client = AsyncExtendClient.builder().url(System.getenv("SPEC_SERVER_URL"))
                .apiKey(System.getenv("SPEC_SERVER_TOKEN")).build();
        File file = client.files().retrieve("file_abc").get();
        assertNotNull(file.getId());
        FilesListResponse page = client.files().list().get();
        assertNotNull(page.getData());
    }

    @Test
    void modelsAreImmutableAndRoundTrip() throws Exception {
        FileFromUrl built = FileFromUrl.builder().url("https://example.com/a.pdf").build();
        String json = ObjectMappers.JSON.writeValueAsString(built);
        FileFromUrl read = ObjectMappers.JSON.readValue(json, FileFromUrl.class);
        assertEquals(built, read);
        assertEquals("https://example.com/a.pdf", read.getUrl());
        FileFromUrl changed = FileFromUrl.builder().from(read).url("https://example.com/b.pdf").build();
        assertEquals("https://example.com/a.pdf", read.getUrl());
        assertEquals("https://example.com/b.pdf", changed.getUrl());
    }

    @Test
    void enumsAreOpen() throws Exception {
        assertSame(ProcessorRunStatus.PROCESSED, ProcessorRunStatus.valueOf("PROCESSED"));
        ProcessorRunStatus novel = ObjectMappers.JSON.readValue("\"ARCHIVED\"", ProcessorRunStatus.class);
        assertFalse(novel.isKnown());
        assertEquals("\"ARCHIVED\"", ObjectMappers.JSON.writeValueAsString(novel));
    }

    @Test
    void unknownFieldsAreKept() throws Exception {
        File file = ObjectMappers.JSON.readValue(FILE_JSON, File.class);
        File extra = ObjectMappers.JSON.readValue("{\"id\":\"f\",\"shiny\":true}", File.class);
        assertEquals(Boolean.TRUE, extra.getAdditionalProperties().get("shiny"));
        assertTrue(ObjectMappers.JSON.writeValueAsString(extra).contains("shiny"));
        assertEquals("file_1", file.getId());
    }

    @Test
    void datesReadAsJavaTime() throws Exception {
        File file = ObjectMappers.JSON.readValue(FILE_JSON, File.class);
        assertEquals(2024, file.getCreatedAt().getYear());
        assertEquals(5, file.getCreatedAt().getSecond());
    }

    @Test
    void environmentsAndUrls() {
        assertEquals("https://api.extend.ai", Environment.US.getUrl());
        assertNotNull(ExtendClient.builder().environment(Environment.EU1).apiKey("k").build().files());
    }

    @Test
    void aGetIsRetriedAfter503And429HonouringRetryAfter() throws Exception {
        try (Scripted server = new Scripted(call -> call == 0 ? answer(503, "{}")
                : call == 1 ? new Object[] {429, Map.of("Retry-After", "0"), "{}"} : answer(200, FILE_JSON))) {
            assertEquals("file_1", server.client().files().retrieve("f").getId());
            assertEquals(3, server.calls.get());
        }
    }

    @Test
    void aPostIsNotRetriedAfterA500() throws Exception {
        try (Scripted server = new Scripted(call -> answer(500, "{\"error\":\"boom\"}"))) {
            ApiException error = assertThrows(ApiException.class,
                    () -> server.client().extractRuns().create(extractRequest()));
            assertEquals(500, error.statusCode());
            assertEquals(1, server.calls.get());
        }
    }

    @Test
    void maxRetriesPerCallBoundsTheAttempts() throws Exception {
        try (Scripted server = new Scripted(call -> answer(503, "{}"))) {
            assertThrows(ApiException.class, () -> server.client().files().retrieve("f",
                    RequestOptions.builder().maxRetries(1).build()));
            assertEquals(2, server.calls.get());
        }
    }

    @Test
    void requestOptionsAddHeadersAndToken() throws Exception {
        try (Scripted server = new Scripted(call -> answer(200, FILE_JSON))) {
            server.client().files().retrieve("f", RequestOptions.builder().addHeader("X-Request-Id", "abc")
                    .apiKey("other").build());
            Map<String, List<String>> sent = server.headers.get(0);
            assertEquals(List.of("abc"), sent.get("X-request-id"));
            assertEquals(List.of("Bearer other"), sent.get("Authorization"));
            assertNotNull(sent.get("X-extend-api-version"));
        }
    }

    @Test
    void aTimeoutStopsTheCall() throws Exception {
        try (Scripted server = new Scripted(call -> new Object[] {200, Map.of(), FILE_JSON, 1500})) {
            assertThrows(SdkException.class, () -> server.client().files().retrieve("f",
                    RequestOptions.builder().timeout(Duration.ofMillis(200)).maxRetries(0).build()));
        }
    }

    @Test
    void aDriftingResponseNeverFailsTheCall() throws Exception {
        try (Scripted server = new Scripted(call -> answer(200,
                "{\"id\":\"file_1\",\"createdAt\":{\"odd\":1},\"metadata\":[1],\"novel\":\"x\"}"))) {
            File file = server.client().files().retrieve("f");
            assertEquals("file_1", file.getId());
            assertEquals(null, file.getCreatedAt());
            assertEquals("x", file.getAdditionalProperties().get("novel"));
        }
    }

    @Test
    void aSuccessBodyOfAnotherShapeReadsAsNull() throws Exception {
        // Read straight from the bytes: not JSON, JSON null, nothing.
        List<String> bodies = List.of("<html>busy</html>", "null", "");
        try (Scripted server = new Scripted(call -> answer(200, bodies.get(call)))) {
            ExtendClient client = server.client();
            for (int i = 0; i < bodies.size(); i++) {
                assertEquals(null, client.files().retrieve("f"), bodies.get(i));
            }
        }
    }

    @Test
    void aDeclaredErrorHasItsClassStatusHeadersAndBody() throws Exception {
        try (Scripted server = new Scripted(call -> new Object[] {404, Map.of("X-Trace", "t1"),
                "{\"code\":\"NOT_FOUND\"}"})) {
            NotFoundError error = assertThrows(NotFoundError.class, () -> server.client().files().retrieve("f"));
            assertEquals(404, error.statusCode());
            assertEquals("t1", error.headers().firstValue("X-Trace").orElse(""));
            assertEquals(Map.of("code", "NOT_FOUND"), error.body());
        }
    }

    @Test
    void anUndeclaredErrorIsAnApiException() throws Exception {
        try (Scripted server = new Scripted(call -> answer(418, "teapot"))) {
            ApiException error = assertThrows(ApiException.class, () -> server.client().files().retrieve("f"));
            assertEquals(418, error.statusCode());
            assertEquals("teapot", error.body());
        }
    }

    @Test
    void pagingStopsWhenATokenRepeats() throws Exception {
        String page = "{\"object\":\"list\",\"data\":[{\"id\":\"a\"}],\"nextPageToken\":\"same\"}";
        try (Scripted server = new Scripted(call -> answer(200, page))) {
            List<String> ids = new ArrayList<>();
            server.client().files().listAutoPaging().forEach(item -> ids.add(item.getId()));
            assertEquals(List.of("a", "a"), ids);
            assertEquals(2, server.calls.get());
            assertTrue(server.seen.get(1).contains("nextPageToken=same"), server.seen.get(1));
        }
    }

    @Test
    void anErrorStopsTheIterator() throws Exception {
        String page = "{\"data\":[{\"id\":\"a\"}],\"nextPageToken\":\"t2\"}";
        try (Scripted server = new Scripted(call -> call == 0 ? answer(200, page) : answer(400, "{}"))) {
            Iterator<FileSummary> items = server.client().files().listAutoPaging().iterator();
            assertEquals("a", items.next().getId());
            assertThrows(BadRequestError.class, items::hasNext);
        }
    }

    @Test
    void queryParametersAreSent() throws Exception {
        String page = "{\"data\":[]}";
        try (Scripted server = new Scripted(call -> answer(200, page))) {
            server.client().files().list(FilesListRequest.builder().maxPageSize(7).build());
            assertTrue(server.seen.get(0).contains("maxPageSize=7"), server.seen.get(0));
        }
    }

    @Test
    void theAsyncClientFailsItsFutureWithTheError() throws Exception {
        try (Scripted server = new Scripted(call -> answer(404, "{}"))) {
            AsyncExtendClient client = AsyncExtendClient.builder()
                    .url("http://127.0.0.1:" + server.server.getAddress().getPort()).apiKey("k").build();
            Exception error = assertThrows(Exception.class, () -> client.files().retrieve("f").get());
            assertTrue(error.getCause() instanceof NotFoundError, String.valueOf(error.getCause()));
        }
    }

    private static Map<String, List<String>> listed(Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((name, value) -> multi.put(name.toUpperCase(java.util.Locale.ROOT), List.of(value)));
        return multi;
    }

    @Test
    void aSignedWebhookVerifiesAndATamperedOneDoesNot() {
        WebhookVerifier webhooks = ExtendClient.webhooks();
        String body = "{\"eventType\":\"extract_run.processed\",\"eventId\":\"evt_1\"}";
        long now = java.time.Instant.now().getEpochSecond();
        Map<String, List<String>> headers = listed(webhooks.sign(body, "whsec", now));
        assertTrue(webhooks.verify(body, headers, "whsec"));
        assertFalse(webhooks.verify(body + " ", headers, "whsec"));
        assertFalse(webhooks.verify(body, headers, "other"));
        Map<String, List<String>> stale = listed(webhooks.sign(body, "whsec", now - 3600));
        assertFalse(webhooks.verify(body, stale, "whsec"));
    }

    @Test
    void aWebhookEventParsesAsItsClass() {
        WebhookVerifier webhooks = ExtendClient.webhooks();
        String body = "{\"eventType\":\"extract_run.processed\",\"eventId\":\"evt_1\"}";
        Object event = webhooks.parse(body);
        assertTrue(event instanceof ExtractRunProcessedWebhookEvent, String.valueOf(event));
        Map<String, List<String>> headers = listed(webhooks.sign(body, "k", java.time.Instant.now().getEpochSecond()));
        assertTrue(webhooks.verifyAndParse(body, headers, "k", ExtractRunProcessedWebhookEvent.class).isPresent());
        assertThrows(SdkException.class, () -> webhooks.verifyAndParse(body, Map.of(), "k", Object.class));
    }

    @Test
    void anUnknownWebhookEventIsKeptAsJson() {
        Object event = ExtendClient.webhooks().parse("{\"eventType\":\"novel.thing\",\"x\":1}");
        assertTrue(event instanceof JsonNode);
        assertEquals(1, ((JsonNode) event).get("x").asInt());
    }
}
