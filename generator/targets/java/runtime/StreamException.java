package sdkgen.runtime;

import java.net.http.HttpHeaders;

/** An error event a stream sent ("event: error", or data that is only an "error" object). */
public class StreamException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final transient ServerSentEvent event;

    public StreamException(String message, int statusCode, HttpHeaders headers, Object body,
            ServerSentEvent event) {
        super(message, statusCode, headers, body);
        this.event = event;
    }

    /** The error event as the stream sent it. */
    public ServerSentEvent event() {
        return event;
    }
}
