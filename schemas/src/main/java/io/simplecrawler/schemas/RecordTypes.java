package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which schema type of its topic ({@link Topics.TopicSpec#valueTypes}) a record value is, read from
 * its first JSON field: {@link EventJson} writes a type discriminator first, so a value is never
 * parsed further (a page record is up to 1 MB).
 */
public final class RecordTypes {
    private RecordTypes() {}

    /** The schema type of a value on the topic; empty for a topic the pipeline does not have or a value of no type. */
    public static Optional<Class<?>> of(String topic, byte[] value) {
        Optional<Topics.TopicSpec> spec = Topics.spec(topic);
        if (spec.isEmpty() || value == null) {
            return Optional.empty();
        }
        List<Class<?>> types = spec.get().valueTypes();
        if (types.size() == 1) {
            return Optional.of(types.get(0));
        }
        String discriminator = firstTypeField(value);
        return types.stream()
                .filter(type -> discriminator == null
                        ? typeNames(type).isEmpty()
                        : typeNames(type).contains(discriminator))
                .findFirst();
    }

    /**
     * The values {@code "type"} takes in JSON of this schema type: its own name, or every name of a
     * sealed interface's records; none for a record without a discriminator.
     */
    public static Set<String> typeNames(Class<?> schemaType) {
        if (schemaType.isAnnotationPresent(JsonTypeName.class)) {
            return Set.of(schemaType.getAnnotation(JsonTypeName.class).value());
        }
        Class<?> union = schemaType.isInterface()
                ? schemaType
                : Arrays.stream(schemaType.getInterfaces())
                        .filter(parent -> parent.isAnnotationPresent(JsonSubTypes.class))
                        .findFirst()
                        .orElse(null);
        if (union == null || !union.isAnnotationPresent(JsonSubTypes.class)) {
            return Set.of();
        }
        return Arrays.stream(union.getAnnotation(JsonSubTypes.class).value())
                .filter(subtype -> union == schemaType || subtype.value() == schemaType)
                .map(JsonSubTypes.Type::name)
                .collect(Collectors.toSet());
    }

    /** The value of the object's first field if that is {@code type}, else null. */
    private static String firstTypeField(byte[] value) {
        try (JsonParser parser = EventJson.mapper().getFactory().createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT
                    || parser.nextToken() != JsonToken.FIELD_NAME
                    || !"type".equals(parser.currentName())) {
                return null;
            }
            return parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
