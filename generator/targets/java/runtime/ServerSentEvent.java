package sdkgen.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** One event as a text/event-stream sent it: its type, data, last event id and retry delay. */
public final class ServerSentEvent {
    private final String event;
    private final String data;
    private final String id;
    private final Long retryMillis;

    public ServerSentEvent(String event, String data, String id, Long retryMillis) {
        this.event = event;
        this.data = data;
        this.id = id;
        this.retryMillis = retryMillis;
    }

    /** The event's type ("message" unless the stream named another). */
    public String event() {
        return event;
    }

    /** The event's data, its data lines joined with newlines. */
    public String data() {
        return data;
    }

    /** The last event id the stream set, if it set one. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The reconnection delay the stream asked for, if it did. */
    public Optional<Duration> retry() {
        return retryMillis == null ? Optional.empty() : Optional.of(Duration.ofMillis(retryMillis));
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ServerSentEvent)) {
            return false;
        }
        ServerSentEvent that = (ServerSentEvent) other;
        return event.equals(that.event) && data.equals(that.data) && Objects.equals(id, that.id)
                && Objects.equals(retryMillis, that.retryMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, data, id, retryMillis);
    }

    @Override
    public String toString() {
        return "ServerSentEvent{event=" + event + ", data=" + data + ", id=" + id + ", retry="
                + retryMillis + "}";
    }
}
