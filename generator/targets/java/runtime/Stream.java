package sdkgen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The events of a streaming call, each read as {@code T} as it arrives; iterate it once, in a
 * try-with-resources block to close the connection if you stop early:
 *
 * <pre>{@code
 * try (Stream<Chunk> stream = client.completions().createStream(request)) {
 *     for (Chunk chunk : stream) { ... }
 * }
 * }</pre>
 *
 * <p>An event is read leniently, as a response is: a value of another shape never ends the
 * stream, and data that is not JSON is read as a JSON string (its text when {@code T} is
 * String); {@link #lastEvent()} keeps each event as it came. The stream ends at the "[DONE]" event or at the end of the body; an
 * error event ends it with a {@link StreamException}.
 */
public final class Stream<T> implements Iterable<T>, AutoCloseable {
    /** The data of the event by which APIs say a stream is over (not itself an event). */
    public static final String DONE = "[DONE]";

    private final InputStream body;
    private final int statusCode;
    private final HttpHeaders headers;
    private final Function<JsonNode, T> reader;
    private final EventDecoder decoder = new EventDecoder();
    private final ArrayDeque<ServerSentEvent> queue = new ArrayDeque<>();
    private final byte[] buffer = new byte[32 * 1024];
    private final Iterator<T> events = new Events();
    private boolean ended;
    private boolean closed;
    private ServerSentEvent lastEvent;

    public Stream(InputStream body, int statusCode, HttpHeaders headers,
            Function<JsonNode, T> reader) {
        this.body = body;
        this.statusCode = statusCode;
        this.headers = headers;
        this.reader = reader;
    }

    /** The events, read as iteration reaches them; one iterator, for one pass. */
    @Override
    public Iterator<T> iterator() {
        return events;
    }

    /** The event the last item came from, as the stream sent it. */
    public Optional<ServerSentEvent> lastEvent() {
        return Optional.ofNullable(lastEvent);
    }

    /** Closes the connection; events not read yet are dropped. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is given up either way
        }
    }

    /** The next event's data, or null at the end of the stream (which closes it). */
    private ServerSentEvent nextEvent() {
        while (!closed) {
            ServerSentEvent event = queue.poll();
            if (event != null) {
                if (DONE.equals(event.data())) {
                    break;
                }
                return event;
            }
            if (ended) {
                break;
            }
            read();
        }
        close();
        return null;
    }

    private void read() {
        int count;
        try {
            count = body.read(buffer);
        } catch (IOException failed) {
            close();
            throw new UncheckedIOException("reading the event stream failed", failed);
        }
        if (count < 0) {
            queue.addAll(decoder.finish());
            ended = true;
        } else {
            queue.addAll(decoder.feed(buffer, count));
        }
    }

    private T decode(ServerSentEvent event) {
        JsonNode parsed = HttpCaller.parse(event.data().getBytes(StandardCharsets.UTF_8));
        JsonNode node = parsed != null ? parsed : TextNode.valueOf(event.data());
        boolean onlyError = node.isObject() && node.size() == 1 && node.has("error");
        if ("error".equals(event.event()) || onlyError) {
            close();
            Object error = Json.read(node, Object.class);
            throw new StreamException("the stream sent an error: " + message(error), statusCode,
                    headers, error, event);
        }
        return reader.apply(node);
    }

    private static Object message(Object error) {
        Object detail = error;
        if (detail instanceof Map && ((Map<?, ?>) detail).containsKey("error")) {
            detail = ((Map<?, ?>) detail).get("error");
        }
        if (detail instanceof Map && ((Map<?, ?>) detail).containsKey("message")) {
            detail = ((Map<?, ?>) detail).get("message");
        }
        return detail;
    }

    private final class Events implements Iterator<T> {
        private ServerSentEvent ahead;

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                ahead = nextEvent();
            }
            return ahead != null;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the stream has ended");
            }
            ServerSentEvent event = ahead;
            ahead = null;
            lastEvent = event;
            return decode(event);
        }
    }
}
