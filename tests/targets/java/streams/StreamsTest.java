// Behaviour tests of streaming in the Java SDK of tests/support/streams_spec.yaml: against the
// scripted server of tests/support/stream_server.py (STREAM_SERVER_URL: events cut across
// chunks, error events, drifting events, a held stream, downloads) and against sdkgen's mock
// (SPEC_SERVER_URL, every request checked against the spec by the pytest runner).

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.streams.AsyncStreamsClient;
import com.example.streams.StreamsClient;
import com.example.streams.core.RawResponse;
import com.example.streams.core.RequestOptions;
import com.example.streams.core.ServerSentEvent;
import com.example.streams.core.Stream;
import com.example.streams.core.StreamException;
import com.example.streams.resources.completions.requests.CompletionsCreateRequest;
import com.example.streams.types.Completion;
import com.example.streams.types.CompletionChunk;
import com.example.streams.types.Tick;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsTest {
    private static String base(String variable) {
        String base = System.getenv(variable);
        if (base == null || base.isEmpty()) {
            throw new IllegalStateException(variable + " is not set: pytest starts the server");
        }
        return base;
    }

    private static StreamsClient scripted() {
        return StreamsClient.builder().apiKey("t").url(base("STREAM_SERVER_URL")).build();
    }

    private static StreamsClient mock() {
        return StreamsClient.builder().apiKey("t").url(base("SPEC_SERVER_URL")).build();
    }

    private static RequestOptions script(String name) {
        return RequestOptions.builder().addHeader("x-script", name).build();
    }

    /** The scripted server's download of `size` bytes: a counter, so a misplaced chunk shows. */
    private static byte[] pattern(int size) {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) i;
        }
        return body;
    }

    private static CompletionsCreateRequest hi() {
        return CompletionsCreateRequest.builder().prompt("hi").build();
    }

    @Test
    void everyEventArrivesTypedAndInOrder() {
        List<String> seen = new ArrayList<>();
        try (Stream<Tick> stream = scripted().events().list()) {
            for (Tick tick : stream) {
                seen.add(tick.getSequence() + ":" + tick.getNote().orElse(""));
            }
            ServerSentEvent last = stream.lastEvent().orElseThrow();
            assertEquals("4", last.id().orElseThrow());
            assertEquals(Duration.ofMillis(1500), last.retry().orElseThrow());
        }
        assertEquals(List.of("1:", "2:café ☕", "3:", "4:"), seen);
    }

    @Test
    void theStreamMethodStreamsAndThePlainOneReturnsTheModel() {
        StreamsClient client = scripted();
        List<String> deltas = new ArrayList<>();
        try (Stream<CompletionChunk> stream = client.completions().createStream(hi())) {
            stream.forEach(chunk -> deltas.add(chunk.getDelta()));
        }
        assertEquals(List.of("Hel", "lo, ", "world"), deltas);
        Completion whole = client.completions().create(hi());
        assertEquals("Hello, world", whole.getText());
    }

    @Test
    void theAsyncClientStreamsToo() throws Exception {
        AsyncStreamsClient client = AsyncStreamsClient.builder().apiKey("t")
                .url(base("STREAM_SERVER_URL")).build();
        List<String> deltas = new ArrayList<>();
        try (Stream<CompletionChunk> stream = client.completions().createStream(hi()).get()) {
            stream.forEach(chunk -> deltas.add(chunk.getDelta()));
        }
        assertEquals(List.of("Hel", "lo, ", "world"), deltas);
    }

    @Test
    void anErrorEventEndsTheStreamWithAStreamException() {
        List<Integer> seen = new ArrayList<>();
        Stream<Tick> stream = scripted().events().list(script("error"));
        StreamException thrown = assertThrows(StreamException.class, () -> {
            for (Tick tick : stream) {
                seen.add(tick.getSequence());
            }
        });
        assertEquals(List.of(1), seen);
        assertTrue(thrown.getMessage().contains("the model is overloaded"), thrown.getMessage());
        assertEquals("error", thrown.event().event());
    }

    @Test
    void eventsThatDoNotFitDoNotEndTheStream() {
        List<Tick> events = new ArrayList<>();
        List<String> data = new ArrayList<>();
        try (Stream<Tick> stream = scripted().events().list(script("drift"))) {
            for (Tick tick : stream) {
                events.add(tick);
                data.add(stream.lastEvent().orElseThrow().data());
            }
        }
        assertEquals(3, events.size());
        Tick drifted = events.get(0);
        assertTrue(drifted == null || drifted.getSequence() == null, String.valueOf(drifted));
        Tick text = events.get(1);
        assertTrue(text == null || text.getSequence() == null, String.valueOf(text));
        assertEquals("plain words", data.get(1));
        assertEquals(3, events.get(2).getSequence());
    }

    @Test
    void closingAHeldStreamStopsIt() {
        Stream<Tick> stream = scripted().events().list(script("hold"));
        Iterator<Tick> events = stream.iterator();
        assertEquals(1, events.next().getSequence());
        stream.close();
        assertFalse(events.hasNext());
        stream.close();
    }

    @Test
    void aDownloadIsReadAsItArrives(@TempDir Path folder) throws IOException {
        int size = 3 * 65536 + 123;
        Path target = folder.resolve("download.bin");
        try (InputStream body = scripted().fileContent().list(Integer.toString(size));
                OutputStream file = Files.newOutputStream(target)) {
            byte[] chunk = new byte[4096];
            for (int read = body.read(chunk); read >= 0; read = body.read(chunk)) {
                file.write(chunk, 0, read);
            }
        }
        assertArrayEquals(pattern(size), Files.readAllBytes(target));
    }

    @Test
    void aRawDownloadGivesStatusAndHeaders() throws IOException {
        RawResponse<InputStream> response = scripted().fileContent().withRawResponse().list("1000");
        try (InputStream body = response.body()) {
            assertEquals(200, response.statusCode());
            assertEquals("application/octet-stream",
                    response.headers().firstValue("content-type").orElseThrow());
            assertArrayEquals(pattern(10), body.readNBytes(10));
        }
    }

    @Test
    void theMockStreamsEvents() {
        int count = 0;
        try (Stream<Tick> stream = mock().events().list()) {
            for (Tick tick : stream) {
                assertNotNull(tick, stream.lastEvent().orElseThrow().data());
                count++;
            }
        }
        assertEquals(3, count);
    }

    @Test
    void theMockStreamsACompletionAndAnswersTheModel() {
        StreamsClient client = mock();
        int count = 0;
        try (Stream<CompletionChunk> stream = client.completions().createStream(hi())) {
            for (CompletionChunk chunk : stream) {
                assertFalse(chunk.getId().isEmpty());
                count++;
            }
        }
        assertEquals(3, count);
        assertFalse(client.completions().create(hi()).getId().isEmpty());
    }

    @Test
    void theMockSendsADownloadOfTheAskedSize() throws IOException {
        int size = 5 * 65536 + 1;
        RequestOptions asked = RequestOptions.builder()
                .addHeader("Mock-Body-Size", Integer.toString(size)).build();
        long read = 0;
        try (InputStream body = mock().fileContent().list("file_1", asked)) {
            byte[] chunk = new byte[65536];
            for (int n = body.read(chunk); n >= 0; n = body.read(chunk)) {
                read += n;
            }
        }
        assertEquals(size, read);
    }
}
