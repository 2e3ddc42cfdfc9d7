package sdkgen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** One call as the generated code describes it: what the caller sends, before the options. */
public final class ApiRequest {
    final String method;
    final String path;
    final List<String[]> query = new ArrayList<>();
    final List<String[]> headers = new ArrayList<>();
    final boolean retrySafe;
    byte[] body;
    String contentType;
    String accept = "application/json";
    String absoluteUrl;
    String[][] security;
    String idempotencyHeader;

    public ApiRequest(String method, String path, boolean retrySafe) {
        this.method = method;
        this.path = path;
        this.retrySafe = retrySafe;
    }

    /** A copy whose query parameter `name` is `value` (for the pages after the first). */
    ApiRequest withQuery(String name, String value) {
        ApiRequest copy = new ApiRequest(method, path, retrySafe);
        for (String[] pair : query) {
            if (!pair[0].equals(name)) {
                copy.query.add(pair);
            }
        }
        copy.query.add(new String[] {name, value});
        copy.headers.addAll(headers);
        copy.body = body;
        copy.contentType = contentType;
        copy.accept = accept;
        copy.absoluteUrl = absoluteUrl;
        copy.security = security;
        copy.idempotencyHeader = idempotencyHeader;
        return copy;
    }

    /** A copy sent to `url` as it is (a next page's URL), without the query. */
    ApiRequest withUrl(String url) {
        ApiRequest copy = new ApiRequest(method, path, retrySafe);
        copy.headers.addAll(headers);
        copy.accept = accept;
        copy.absoluteUrl = url;
        copy.security = security;
        copy.idempotencyHeader = idempotencyHeader;
        return copy;
    }

    /** The first value of query parameter `name`, if the request sets it. */
    String queryValue(String name) {
        for (String[] pair : query) {
            if (pair[0].equals(name)) {
                return pair[1];
            }
        }
        return null;
    }

    /** A path parameter's value, percent-encoded as one segment. */
    public static String segment(Object value) {
        return URLEncoder.encode(Json.text(value), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Adds a query parameter: a list as repeated names (`explode`) or joined by commas, an
     * object as its properties (`explode`) or `name=k,v,...`. */
    public ApiRequest query(String name, Object value, boolean explode) {
        if (value == null) {
            return this;
        }
        JsonNode node = Json.tree(value);
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            if (explode) {
                items.forEach(item -> query.add(new String[] {name, item}));
            } else if (!items.isEmpty()) {
                query.add(new String[] {name, String.join(",", items)});
            }
        } else if (node.isObject()) {
            List<String> joined = new ArrayList<>();
            node.fields().forEachRemaining(entry -> {
                String text = entry.getValue().isValueNode()
                        ? entry.getValue().asText() : entry.getValue().toString();
                if (explode) {
                    query.add(new String[] {entry.getKey(), text});
                } else {
                    joined.add(entry.getKey());
                    joined.add(text);
                }
            });
            if (!explode && !joined.isEmpty()) {
                query.add(new String[] {name, String.join(",", joined)});
            }
        } else {
            query.add(new String[] {name, node.asText()});
        }
        return this;
    }

    /** Sets a header (lists joined by commas); null leaves it unset. */
    public ApiRequest header(String name, Object value) {
        if (value != null) {
            JsonNode node = Json.tree(value);
            if (node.isArray()) {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(item.asText()));
                headers.add(new String[] {name, String.join(",", items)});
            } else {
                headers.add(new String[] {name, Json.text(value)});
            }
        }
        return this;
    }

    /** Adds a cookie; null leaves it out. */
    public ApiRequest cookie(String name, Object value) {
        if (value != null) {
            headers.add(new String[] {"Cookie", name + "=" + segment(value)});
        }
        return this;
    }

    /** The operation's own security requirement: alternatives, each the schemes sent
     * together (none: the API's). */
    public ApiRequest security(String[]... alternatives) {
        this.security = alternatives;
        return this;
    }

    /** The header of the call's idempotency key: one key per call, the same on every retry
     * (the caller's own when given). */
    public ApiRequest idempotency(String header) {
        this.idempotencyHeader = header;
        return this;
    }

    /** Whether the call sets header `name` itself (a request field). */
    boolean hasHeader(String name) {
        return headers.stream().anyMatch(header -> header[0].equalsIgnoreCase(name));
    }

    /** The Accept header of the call. */
    public ApiRequest accept(String mediaTypes) {
        this.accept = mediaTypes;
        return this;
    }

    /** A JSON body: `value` written by the SDK's mapper. */
    public ApiRequest json(Object value) {
        this.body = Json.tree(value).toString().getBytes(StandardCharsets.UTF_8);
        this.contentType = "application/json";
        return this;
    }

    /** A body of bytes or text as it is. */
    public ApiRequest raw(byte[] content, String mediaType) {
        this.body = content.clone();
        this.contentType = mediaType;
        return this;
    }

    /** A URL-encoded form of `fields` (null values left out, lists repeated). */
    public ApiRequest form(Map<String, Object> fields) {
        ApiRequest encoded = new ApiRequest(method, path, retrySafe);
        fields.forEach((name, value) -> encoded.query(name, value, true));
        StringBuilder text = new StringBuilder();
        for (String[] pair : encoded.query) {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(URLEncoder.encode(pair[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
        }
        this.body = text.toString().getBytes(StandardCharsets.UTF_8);
        this.contentType = "application/x-www-form-urlencoded";
        return this;
    }

    /** A multipart body of fields and files. */
    public ApiRequest multipart(Multipart parts) {
        this.body = parts.bytes();
        this.contentType = parts.contentType();
        return this;
    }

    /** The query string (without `?`), percent-encoded. */
    String queryString(Collection<String[]> extra) {
        StringBuilder text = new StringBuilder();
        List<String[]> all = new ArrayList<>(query);
        all.addAll(extra);
        for (String[] pair : all) {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(URLEncoder.encode(pair[0], StandardCharsets.UTF_8).replace("+", "%20"))
                    .append('=')
                    .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return text.toString();
    }
}
