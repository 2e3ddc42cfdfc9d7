package sdkgen.runtime;

import java.net.http.HttpHeaders;

/** Makes the exception of an unsuccessful response: the API's declared errors their classes. */
@FunctionalInterface
public interface ErrorFactory {
    ApiException create(String message, int statusCode, HttpHeaders headers, Object body);
}
