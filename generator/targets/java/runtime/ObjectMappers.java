package sdkgen.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The one Jackson mapper of the SDK: lenient reading, dates as ISO-8601 text. */
public final class ObjectMappers {
    /** Reads unknown fields without failing and writes `java.time` dates as their text. */
    public static final ObjectMapper JSON = create();

    private ObjectMappers() {}

    private static ObjectMapper create() {
        SimpleModule dates = new SimpleModule("sdk-dates");
        dates.addSerializer(OffsetDateTime.class, new TextSerializer<>(OffsetDateTime.class));
        dates.addSerializer(LocalDate.class, new TextSerializer<>(LocalDate.class));
        dates.addDeserializer(OffsetDateTime.class, new DateTimeDeserializer());
        dates.addDeserializer(LocalDate.class, new DateDeserializer());
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(dates);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
        mapper.configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);
        return mapper;
    }

    /** Writes a value as its `toString()`, which for `java.time` types is ISO-8601. */
    static final class TextSerializer<T> extends JsonSerializer<T> {
        private final Class<T> type;

        TextSerializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<T> handledType() {
            return type;
        }

        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            out.writeString(value.toString());
        }
    }

    /** Reads an ISO-8601 date-time; a date alone is read as its midnight in UTC. */
    static final class DateTimeDeserializer extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser in, DeserializationContext context)
                throws IOException {
            if (!in.hasToken(JsonToken.VALUE_STRING)) {
                throw context.wrongTokenException(in, OffsetDateTime.class, JsonToken.VALUE_STRING, "a date-time");
            }
            String text = in.getText();
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw context.weirdStringException(text, OffsetDateTime.class, "not ISO-8601");
                }
            }
        }
    }

    /** Reads an ISO-8601 date; a date-time gives its date. */
    static final class DateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser in, DeserializationContext context)
                throws IOException {
            if (!in.hasToken(JsonToken.VALUE_STRING)) {
                throw context.wrongTokenException(in, LocalDate.class, JsonToken.VALUE_STRING, "a date");
            }
            String text = in.getText();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException notDate) {
                try {
                    return OffsetDateTime.parse(text).toLocalDate();
                } catch (DateTimeParseException notDateTime) {
                    throw context.weirdStringException(text, LocalDate.class, "not ISO-8601");
                }
            }
        }
    }
}
