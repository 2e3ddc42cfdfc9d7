package sdkgen.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the bytes of a text/event-stream into events, as the HTML standard parses them: bytes
 * arrive in chunks that cut lines (even a CRLF pair, even a character) anywhere; lines end with
 * LF, CR or CRLF; a line starting with ":" is a comment; the data lines of one event are joined
 * with newlines; event, id and retry are kept with the event. Feed it chunks in order, then
 * call {@link #finish()}.
 */
public final class EventDecoder {
    private byte[] pending = new byte[0];
    private boolean started;
    private String event = "";
    private List<String> data;
    private String id;
    private Long retryMillis;

    /** The events the first {@code length} bytes of {@code chunk} complete. */
    public List<ServerSentEvent> feed(byte[] chunk, int length) {
        byte[] buffer = Arrays.copyOf(pending, pending.length + length);
        System.arraycopy(chunk, 0, buffer, pending.length, length);
        List<ServerSentEvent> events = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < buffer.length) {
            byte end = buffer[i];
            if (end != '\n' && end != '\r') {
                i++;
                continue;
            }
            if (end == '\r' && i + 1 == buffer.length) {
                break; // maybe the first half of a CRLF: kept for the next chunk
            }
            String line = new String(buffer, start, i - start, StandardCharsets.UTF_8);
            i += end == '\r' && buffer[i + 1] == '\n' ? 2 : 1;
            start = i;
            ServerSentEvent done = line(line);
            if (done != null) {
                events.add(done);
            }
        }
        pending = Arrays.copyOfRange(buffer, start, buffer.length);
        return events;
    }

    /**
     * The events the end of the stream completes: a last line without its line end is a line;
     * an event without its blank line is dropped, as the standard says.
     */
    public List<ServerSentEvent> finish() {
        List<ServerSentEvent> events = new ArrayList<>();
        if (pending.length == 0) {
            return events;
        }
        int length = pending.length;
        while (length > 0 && pending[length - 1] == '\r') {
            length--;
        }
        ServerSentEvent done = line(new String(pending, 0, length, StandardCharsets.UTF_8));
        pending = new byte[0];
        if (done != null) {
            events.add(done);
        }
        return events;
    }

    private ServerSentEvent line(String text) {
        String line = text;
        if (!started) {
            started = true;
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
        }
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return null;
        }
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (name) {
            case "data":
                if (data == null) {
                    data = new ArrayList<>();
                }
                data.add(value);
                break;
            case "event":
                event = value;
                break;
            case "id":
                if (value.indexOf('\0') < 0) {
                    id = value;
                }
                break;
            case "retry":
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    try {
                        retryMillis = Long.parseLong(value);
                    } catch (NumberFormatException tooLong) {
                        // a delay no clock could wait is ignored, as any other bad value
                    }
                }
                break;
            default:
                break;
        }
        return null;
    }

    private ServerSentEvent dispatch() {
        if (data == null) {
            event = "";
            return null;
        }
        ServerSentEvent done = new ServerSentEvent(event.isEmpty() ? "message" : event,
                String.join("\n", data), id, retryMillis);
        event = "";
        data = null;
        return done;
    }
}
