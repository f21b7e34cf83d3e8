package io.simplecrawler.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema files describe the records field by field, so that a field added to a record
 * without its schema (which would still validate, since additional properties are allowed)
 * fails the build.
 */
class SchemaFilesTest {

    static Stream<Class<?>> eventTypes() {
        return EventSchemas.EVENT_TYPES.stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void isADraft202012Schema(Class<?> type) {
        JsonNode schema = EventSchemas.jsonOf(type);

        assertEquals(Set.of(), EventSchemas.metaSchema().validate(schema));
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                schema.path("$schema").asText());
        assertTrue(
                schema.path("$id").asText().matches("urn:simplecrawler:schema:[a-z-]+:\\d+"),
                () -> "$id " + schema.path("$id"));
        assertEquals(type.getSimpleName(), schema.path("title").asText());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void describesEveryFieldOfTheRecord(Class<?> type) {
        JsonNode schema = EventSchemas.jsonOf(type);
        Set<String> discriminator = typeNames(type).isEmpty() ? Set.of() : Set.of("type");

        assertDescribes(schema, schema, type, discriminator);
    }

    /** The {@code type} a reader tells the records of a topic apart by is the one Jackson writes. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void namesTheTypesJacksonWrites(Class<?> type) {
        JsonNode property = EventSchemas.jsonOf(type).path("properties").path("type");
        Set<String> names = typeNames(type);
        if (names.isEmpty()) {
            assertTrue(property.isMissingNode(), type.getSimpleName() + " has no type");
        } else if (type.isInterface()) {
            assertEquals(names, strings(property.path("enum")), type.getSimpleName() + ".type enum");
        } else {
            assertEquals(names, Set.of(property.path("const").asText()), type.getSimpleName() + ".type const");
        }
    }

    /** The names of {@code type}'s records on the wire: its own, or all of a sealed interface's; none for a plain record. */
    private static Set<String> typeNames(Class<?> type) {
        return RecordTypes.typeNames(type);
    }

    @Test
    void folderHoldsOneSchemaPerEventTypeAndTheReadme() throws IOException, URISyntaxException {
        Path folder = Path.of(EventSchemas.class.getResource("/schemas").toURI());
        Set<String> expected = new HashSet<>(Set.of("README.md"));
        EventSchemas.EVENT_TYPES.forEach(type -> expected.add(EventSchemas.fileName(type)));

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(expected, files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    private static void assertDescribes(JsonNode root, JsonNode schema, Class<?> type, Set<String> extraFields) {
        String where = type.getSimpleName();
        JsonNode properties = schema.path("properties");
        Set<String> fields = new HashSet<>(extraFields);
        components(type).stream().map(RecordComponent::getName).forEach(fields::add);
        Set<String> required = strings(schema.path("required"));

        assertEquals("object", schema.path("type").asText(), where);
        assertTrue(schema.path("additionalProperties").asBoolean(false), where + " must allow new fields");
        assertEquals(fields, names(properties), where + " properties");
        assertTrue(fields.containsAll(required), where + " requires a field it does not have: " + required);
        properties
                .properties()
                .forEach(p -> assertFalse(
                        p.getValue().path("description").asText().isBlank(),
                        () -> where + "." + p.getKey() + " has no description"));

        for (RecordComponent component : components(type)) {
            String name = where + "." + component.getName();
            JsonNode property = resolve(root, properties.path(component.getName()));
            Class<?> javaType = component.getType();
            if (javaType.isPrimitive()) {
                assertTrue(required.contains(component.getName()), name + " is always written, so required");
            }
            if (javaType.isEnum()) {
                assertEquals(wireNames(javaType), strings(property.path("enum")), name + " enum");
            }
            if (javaType.isRecord()) {
                assertDescribes(root, property, javaType, Set.of());
            }
        }
    }

    /** A record's components, or those of every record of a sealed interface. */
    private static List<RecordComponent> components(Class<?> type) {
        Stream<Class<?>> records = type.isSealed() ? Arrays.stream(type.getPermittedSubclasses()) : Stream.of(type);
        return records.flatMap(record -> Arrays.stream(record.getRecordComponents()))
                .toList();
    }

    /** Follows a local {@code $ref} such as {@code #/$defs/jobSettings}. */
    private static JsonNode resolve(JsonNode root, JsonNode property) {
        String ref = property.path("$ref").asText();
        return ref.startsWith("#") ? root.at(ref.substring(1)) : property;
    }

    private static Set<String> wireNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> EventJson.mapper().valueToTree(constant).asText())
                .collect(Collectors.toSet());
    }

    private static Set<String> names(JsonNode object) {
        List<String> names = StreamSupport.stream(object.properties().spliterator(), false)
                .map(p -> p.getKey())
                .toList();
        return Set.copyOf(names);
    }

    private static Set<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.toSet());
    }
}
