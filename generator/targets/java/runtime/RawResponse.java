package sdkgen.runtime;

import java.net.http.HttpHeaders;

/** A call's result with the response's status and headers. */
public final class RawResponse<T> {
    private final int statusCode;
    private final HttpHeaders headers;
    private final T body;

    public RawResponse(int statusCode, HttpHeaders headers, T body) {
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

    public T body() {
        return body;
    }
}
