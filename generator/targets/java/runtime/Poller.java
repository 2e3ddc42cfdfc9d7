package sdkgen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;

/** Waits on a run: retrieves it until its status is terminal or the deadline passes. */
public final class Poller {
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(30);

    private Poller() {}

    /** `run` retrieved (by its `idField`) until its `statusField` is one of `terminal`. */
    public static <T extends Model> T poll(T run, Function<String, T> retrieve, String statusField,
            String idField, Set<String> terminal, ClientOptions options) {
        Duration timeout = options.pollTimeout;
        Instant deadline = Instant.now().plus(timeout);
        Duration interval = options.pollInterval;
        T current = run;
        JsonNode id = Json.at(run.toJson(), idField);
        if (id == null) {
            throw new SdkException("the run has no " + idField + " to poll it by");
        }
        while (!terminal.contains(status(current, statusField))) {
            if (Instant.now().plus(interval).isAfter(deadline)) {
                throw new SdkException("the run " + id.asText() + " was not done after " + timeout);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SdkException("interrupted while polling", interrupted);
            }
            current = retrieve.apply(id.asText());
            Duration grown = interval.plus(interval.dividedBy(2));
            interval = grown.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : grown;
        }
        return current;
    }

    private static String status(Model run, String field) {
        JsonNode value = run == null ? null : Json.at(run.toJson(), field);
        return value == null ? "" : value.asText();
    }
}
