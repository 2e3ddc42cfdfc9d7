package sdkgen.runtime;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable JSON object read leniently: every field the API sent is kept (the unknown ones
 * too), and a getter whose value has drifted to another shape reads it as absent.
 */
public abstract class Model {
    private final ObjectNode json;

    protected Model(JsonNode json) {
        this.json = Json.object(json);
    }

    /** The object as the API sent it (a copy). */
    @JsonValue
    public final JsonNode toJson() {
        return json.deepCopy();
    }

    /** The fields the SDK does not know, by name. */
    public final Map<String, Object> getAdditionalProperties() {
        Map<String, Object> extra = new LinkedHashMap<>();
        json.fields().forEachRemaining(entry -> {
            if (!knownFields().contains(entry.getKey())) {
                extra.put(entry.getKey(), Json.read(entry.getValue(), Object.class));
            }
        });
        return Collections.unmodifiableMap(extra);
    }

    /** The wire names of the fields this model declares. */
    protected abstract Set<String> knownFields();

    protected final <T> T field(String name, Class<T> type) {
        return Json.read(json.get(name), type);
    }

    protected final <T> T field(String name, TypeReference<T> type) {
        return Json.read(json.get(name), type);
    }

    protected final <T> Optional<T> optional(String name, Class<T> type) {
        return Optional.ofNullable(field(name, type));
    }

    protected final <T> Optional<T> optional(String name, TypeReference<T> type) {
        return Optional.ofNullable(field(name, type));
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((Model) other).json.equals(json);
    }

    @Override
    public final int hashCode() {
        return json.hashCode();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + json;
    }

    /** Collects fields for a model's `build()`; `B` is the concrete builder. */
    public abstract static class Builder<B extends Builder<B>> {
        private final ObjectNode json = ObjectMappers.JSON.createObjectNode();

        protected abstract B self();

        /** Sets a field; null leaves it out. */
        protected final B set(String name, Object value) {
            if (value == null) {
                json.remove(name);
            } else {
                json.set(name, Json.tree(value));
            }
            return self();
        }

        /** Sets an optional field from an Optional. */
        protected final B set(String name, Optional<?> value) {
            return set(name, value.orElse(null));
        }

        /** Sets a field the SDK does not know. */
        public final B additionalProperty(String name, Object value) {
            return set(name, value);
        }

        /** Starts from every field of an existing object. */
        public final B from(Model model) {
            json.setAll(model.json.deepCopy());
            return self();
        }

        protected final JsonNode json() {
            return json.deepCopy();
        }
    }
}
