package sdkgen.runtime;

import java.net.http.HttpHeaders;

/** An unsuccessful response: its status, headers and body (parsed JSON, else its text). */
public class ApiException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final transient HttpHeaders headers;
    private final transient Object body;

    public ApiException(String message, int statusCode, HttpHeaders headers, Object body) {
        super(message);
        this.statusCode = statusCode;
        this.headers = headers;
        this.body = body;
    }

    public int statusCode() {
        return statusCode;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The body: a JSON value read as maps, lists and scalars, or the text itself. */
    public Object body() {
        return body;
    }
}
