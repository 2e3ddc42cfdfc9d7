// The Java runtime's server-sent events parser and stream: every case of
// tests/support/sse_cases.py (SSE_CASES, a JSON file the pytest runner writes) read as
// Python's parser reads it, and the decoding rules of a stream's events.
package sdkgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SseTest {
    private static List<ServerSentEvent> decode(List<byte[]> chunks) {
        EventDecoder decoder = new EventDecoder();
        List<ServerSentEvent> events = new ArrayList<>();
        for (byte[] chunk : chunks) {
            events.addAll(decoder.feed(chunk, chunk.length));
        }
        events.addAll(decoder.finish());
        return events;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyCaseReadsAsPythonReadsIt() throws IOException {
        String path = System.getenv("SSE_CASES");
        assertTrue(path != null && !path.isEmpty(), "SSE_CASES names no file of cases");
        JsonNode cases = ObjectMappers.JSON.readTree(Files.readAllBytes(Path.of(path)));
        assertTrue(cases.size() >= 20, "only " + cases.size() + " cases");
        for (JsonNode c : cases) {
            List<byte[]> chunks = new ArrayList<>();
            c.get("chunks").forEach(chunk -> chunks.add(Base64.getDecoder().decode(chunk.asText())));
            List<ServerSentEvent> expected = new ArrayList<>();
            for (JsonNode row : c.get("events")) {
                expected.add(new ServerSentEvent(row.get(0).asText(), row.get(1).asText(),
                        row.get(2).isNull() ? null : row.get(2).asText(),
                        row.get(3).isNull() ? null : row.get(3).asLong()));
            }
            assertEquals(expected, decode(chunks), c.get("name").asText());
        }
    }

    @Test
    void aDecoderKeepsWhatItHasNotFinished() {
        EventDecoder decoder = new EventDecoder();
        assertEquals(List.of(), decoder.feed(utf8("data: hal"), 9));
        assertEquals(List.of(), decoder.feed(utf8("f\n"), 2));
        List<ServerSentEvent> events = decoder.feed(utf8("\n"), 1);
        assertEquals(1, events.size());
        assertEquals("half", events.get(0).data());
        assertEquals(List.of(), decoder.finish());
    }

    @Test
    void onlyTheFedLengthOfABufferCounts() {
        byte[] buffer = utf8("data: x\n\ndata: stale\n\n");
        List<ServerSentEvent> events = new EventDecoder().feed(buffer, 9);
        assertEquals(List.of(new ServerSentEvent("message", "x", null, null)), events);
    }

    private static Stream<Map<String, Object>> streamOf(String body) {
        InputStream input = new ByteArrayInputStream(utf8(body));
        return new Stream<>(input, 200, null, node -> Json.read(node,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
    }

    @Test
    void anErrorEventIsAStreamException() {
        Iterator<Map<String, Object>> events = streamOf(
                "event: error\ndata: {\"error\": {\"message\": \"overloaded\"}}\n\n").iterator();
        assertTrue(events.hasNext());
        StreamException thrown = assertThrows(StreamException.class, events::next);
        assertTrue(thrown.getMessage().contains("overloaded"), thrown.getMessage());
        assertTrue(((Map<?, ?>) thrown.body()).containsKey("error"));
        assertEquals("error", thrown.event().event());
        assertEquals(200, thrown.statusCode());
    }

    @Test
    void dataThatIsOnlyAnErrorIsAStreamExceptionToo() {
        Iterator<Map<String, Object>> events = streamOf("data: {\"error\": \"quota\"}\n\n").iterator();
        StreamException thrown = assertThrows(StreamException.class, events::next);
        assertTrue(thrown.getMessage().contains("quota"), thrown.getMessage());
    }

    @Test
    void dataThatIsNotJsonIsKeptAsText() {
        Stream<String> texts = new Stream<>(new ByteArrayInputStream(utf8("data: plain words\n\n")),
                200, null, node -> Json.read(node, String.class));
        assertEquals(List.of("plain words"), collect(texts));
        Stream<Map<String, Object>> maps = streamOf("data: plain words\n\n");
        Iterator<Map<String, Object>> events = maps.iterator();
        assertNull(events.next());
        assertEquals("plain words", maps.lastEvent().orElseThrow().data());
    }

    @Test
    void aStreamEndsAtDoneAndCloses() {
        ClosingInput input = new ClosingInput(utf8(
                "data: {\"a\": 1}\n\ndata: [DONE]\n\ndata: {\"a\": 9}\n\n"));
        Stream<Map<String, Object>> stream = new Stream<>(input, 200, null, node -> Json.read(node,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
        List<Map<String, Object>> events = collect(stream);
        assertEquals(List.of(Map.of("a", 1)), events);
        assertTrue(input.closed);
        assertFalse(stream.iterator().hasNext());
    }

    private static <T> List<T> collect(Iterable<T> items) {
        List<T> all = new ArrayList<>();
        items.forEach(all::add);
        return all;
    }

    private static final class ClosingInput extends ByteArrayInputStream {
        boolean closed;

        ClosingInput(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
