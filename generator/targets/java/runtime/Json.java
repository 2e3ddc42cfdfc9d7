package sdkgen.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Lenient reading of JSON trees: a value of the wrong shape reads as absent, never fails. */
public final class Json {
    private Json() {}

    /** The node at a dotted path (`meta.next`) of `root`; null when absent. */
    public static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        if (path.isEmpty()) {
            return node;
        }
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** A body read straight into `type` (no tree in between); null when empty, not JSON, JSON
     * null or of another shape. */
    public static <T> T read(byte[] body, Class<T> type) {
        return read(body, ObjectMappers.JSON.constructType(type));
    }

    /** A body read straight into `type` (a generic type); null as `read(byte[], Class)` says. */
    public static <T> T read(byte[] body, TypeReference<T> type) {
        return read(body, ObjectMappers.JSON.constructType(type));
    }

    private static <T> T read(byte[] body, JavaType type) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return ObjectMappers.JSON.readValue(body, type);
        } catch (IOException | RuntimeException drifted) {
            return null;
        }
    }

    /** `node` as `type`, or null when absent or of another shape. */
    public static <T> T read(JsonNode node, Class<T> type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return ObjectMappers.JSON.convertValue(node, type);
        } catch (RuntimeException drifted) { // a value of another shape, however Jackson says it
            return null;
        }
    }

    /** `node` as `type` (a generic type), or null when absent or of another shape. */
    public static <T> T read(JsonNode node, TypeReference<T> type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return ObjectMappers.JSON.convertValue(node, type);
        } catch (RuntimeException drifted) { // a value of another shape, however Jackson says it
            return null;
        }
    }

    /** Any value as a JSON tree (models and enums write themselves; dates as text). */
    public static JsonNode tree(Object value) {
        return ObjectMappers.JSON.valueToTree(value);
    }

    /** An object node: `node` itself when it is one, else an empty one. */
    public static ObjectNode object(JsonNode node) {
        return node != null && node.isObject()
                ? ((ObjectNode) node).deepCopy()
                : ObjectMappers.JSON.createObjectNode();
    }

    /** An object's fields by name (a form body); none when the value is not an object. */
    public static java.util.Map<String, Object> fields(Object value) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        JsonNode node = value == null ? null : tree(value);
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(entry -> fields.put(entry.getKey(),
                    read(entry.getValue(), Object.class)));
        }
        return fields;
    }

    /** A value as the text a query, header, path or form field carries. */
    public static String text(Object value) {
        JsonNode node = tree(value);
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
