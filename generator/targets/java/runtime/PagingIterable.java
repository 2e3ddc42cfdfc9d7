package sdkgen.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every item of every page of a list, fetched a page at a time as iteration reaches it. */
public final class PagingIterable<T> implements Iterable<T> {
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

    private final HttpCaller caller;
    private final ApiRequest first;
    private final RequestOptions call;
    private final Paging paging;
    private final TypeReference<T> itemType;

    public PagingIterable(HttpCaller caller, ApiRequest first, RequestOptions call, Paging paging,
            TypeReference<T> itemType) {
        this.caller = caller;
        this.first = first;
        this.call = call;
        this.paging = paging;
        this.itemType = itemType;
    }

    @Override
    public Iterator<T> iterator() {
        return new Pages();
    }

    private final class Pages implements Iterator<T> {
        private ApiRequest next = first;
        private final List<T> buffer = new ArrayList<>();
        private int position;

        @Override
        public boolean hasNext() {
            while (position >= buffer.size() && next != null) {
                fetch();
            }
            return position < buffer.size();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.get(position++);
        }

        private void fetch() {
            ApiRequest request = next;
            RawResponse<byte[]> raw = caller.send(request, call);
            JsonNode page = HttpCaller.parse(raw.body());
            JsonNode items = page == null ? null : Json.at(page, paging.itemsField);
            buffer.clear();
            position = 0;
            List<JsonNode> nodes = new ArrayList<>();
            if (items != null && items.isArray()) {
                items.forEach(nodes::add);
            }
            for (JsonNode node : nodes) {
                buffer.add(Json.read(node, itemType));
            }
            next = nodes.isEmpty() || page == null ? null : following(request, page, nodes, raw);
        }

        private ApiRequest following(ApiRequest request, JsonNode page, List<JsonNode> nodes,
                RawResponse<byte[]> raw) {
            JsonNode hasMore = paging.hasMoreField == null ? null : Json.at(page, paging.hasMoreField);
            if (hasMore != null && hasMore.isBoolean() && !hasMore.asBoolean()) {
                return null;
            }
            String link = paging.linkHeader ? raw.headers().allValues("Link").stream()
                    .map(NEXT_LINK::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .findFirst().orElse(null) : null;
            switch (paging.style) {
                case "next_url": {
                    String url = link != null ? link : text(page, paging.nextField);
                    return url == null ? null : request.withUrl(url);
                }
                case "offset": {
                    if (done(page, request, nodes.size())) {
                        return null;
                    }
                    long offset = number(request.queryValue(paging.param)) + nodes.size();
                    return request.withQuery(paging.param, Long.toString(offset));
                }
                case "page": {
                    long number = request.queryValue(paging.param) == null
                            ? 1 : number(request.queryValue(paging.param));
                    JsonNode total = paging.totalField == null ? null : Json.at(page, paging.totalField);
                    if ((total != null && total.isNumber() && number >= total.asLong())
                            || (paging.linkHeader && link == null)
                            || short_(request, nodes.size())) {
                        return null;
                    }
                    return request.withQuery(paging.param, Long.toString(number + 1));
                }
                default: {
                    String token = text(page, paging.nextField);
                    if (token == null && paging.cursorItemField != null && hasMore != null) {
                        token = text(nodes.get(nodes.size() - 1), paging.cursorItemField);
                    }
                    if (token == null || token.isEmpty() || token.equals(request.queryValue(paging.param))) {
                        return null;
                    }
                    return request.withQuery(paging.param, token);
                }
            }
        }

        private boolean done(JsonNode page, ApiRequest request, int count) {
            JsonNode declared = paging.totalField == null ? null : Json.at(page, paging.totalField);
            if (declared != null && declared.isNumber()) {
                return number(request.queryValue(paging.param)) + count >= declared.asLong();
            }
            if (paging.nextField != null && Json.at(page, paging.nextField) == null) {
                return true;
            }
            return short_(request, count);
        }

        private boolean short_(ApiRequest request, int count) {
            String size = paging.sizeParam == null ? null : request.queryValue(paging.sizeParam);
            return size != null && count < number(size);
        }
    }

    private static String text(JsonNode root, String path) {
        if (path == null) {
            return null;
        }
        JsonNode node = Json.at(root, path);
        return node == null || !node.isValueNode() ? null : node.asText();
    }

    private static long number(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notNumber) {
            return 0;
        }
    }
}
