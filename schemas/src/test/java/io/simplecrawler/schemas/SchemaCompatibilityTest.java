package io.simplecrawler.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Today's schemas against the released ones kept in {@code src/test/resources/released/}, one per
 * schema version ({@code page-record-2.schema.json}): an edit a consumer of the released version
 * could not take fails the build, and so does a new version nobody released (a breaking change
 * takes a new topic, schemas/README.md).
 */
class SchemaCompatibilityTest {
    private static final String RELEASED = "/released/";

    static Stream<Class<?>> schemaTypes() {
        return EventSchemas.EVENT_TYPES.stream();
    }

    @ParameterizedTest
    @MethodSource("schemaTypes")
    void isCompatibleWithItsReleasedVersion(Class<?> type) {
        SchemaIdentity identity = SchemaIdentity.of(type);
        JsonNode released = released(identity);

        List<String> breaks = SchemaCompatibility.breaks(released, EventSchemas.jsonOf(type));

        assertEquals(
                List.of(),
                breaks,
                () -> identity.id() + " changed incompatibly since its release (schemas/README.md, Compatibility):\n  "
                        + String.join("\n  ", breaks)
                        + "\nAdd an optional field instead, or make a new version of the schema on a new topic.");
    }

    @Test
    void everyReleasedSchemaIsStillPublished() throws IOException, URISyntaxException {
        List<String> published = EventSchemas.EVENT_TYPES.stream()
                .map(type -> releasedFile(SchemaIdentity.of(type)))
                .toList();
        try (Stream<Path> files =
                Files.list(Path.of(getClass().getResource(RELEASED).toURI()))) {
            files.map(file -> file.getFileName().toString())
                    .forEach(file -> assertTrue(
                            published.contains(file),
                            () -> file + " was released and is no longer published: consumers of it are left"
                                    + " without records"));
        }
    }

    static Stream<Arguments> breakingEdits() {
        return Stream.of(
                Arguments.of(
                        "status retyped",
                        edit(json -> property(json, "status").put("type", "string")),
                        "/properties/status: \"type\" was \"integer\", is now \"string\": a field is never retyped"),
                Arguments.of(
                        "url renamed",
                        edit(json -> ((ObjectNode) json.path("properties"))
                                .set("address", ((ObjectNode) json.path("properties")).remove("url"))),
                        "/properties/url: the field was removed or renamed"),
                Arguments.of(
                        "new field required",
                        edit(json -> {
                            property(json, "title");
                            ((ArrayNode) json.path("required")).add("title");
                        }),
                        "/: \"title\" is now required"),
                Arguments.of(
                        "enum value added",
                        edit(json -> ((ArrayNode) property(json, "outcome").path("enum")).add("RENDERED")),
                        "/properties/outcome: \"enum\" was"),
                Arguments.of(
                        "constraint tightened",
                        edit(json -> property(json, "status").put("minimum", 100)),
                        "/properties/status: \"minimum\" was 0, is now 100"),
                Arguments.of(
                        "nested definition retyped",
                        edit(json -> ((ObjectNode) json.at("/$defs/heading/properties/level")).put("type", "string")),
                        "/$defs/heading/properties/level: \"type\" was \"integer\""),
                Arguments.of(
                        "new fields forbidden",
                        edit(json -> ((ObjectNode) json).put("additionalProperties", false)),
                        "\"additionalProperties\" is now false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingEdits")
    void breakingEditOfPageRecordIsFound(String name, JsonNode edited, String expected) {
        List<String> breaks = SchemaCompatibility.breaks(releasedPageRecord(), edited);

        assertTrue(breaks.stream().anyMatch(b -> b.contains(expected)), () -> "found " + breaks);
    }

    @Test
    void optionalFieldAndNewWordsBreakNothing() {
        JsonNode edited = edit(json -> {
            ((ObjectNode) json).put("description", "reworded");
            ((ObjectNode) json.path("properties"))
                    .putObject("renderedBy")
                    .put("type", "string")
                    .put("description", "new");
            property(json, "status").put("description", "reworded");
        });

        assertEquals(List.of(), SchemaCompatibility.breaks(releasedPageRecord(), edited));
    }

    private static JsonNode edit(Consumer<JsonNode> change) {
        JsonNode copy = releasedPageRecord().deepCopy();
        change.accept(copy);
        return copy;
    }

    private static JsonNode releasedPageRecord() {
        return released(SchemaIdentity.of(PageRecord.class));
    }

    private static ObjectNode property(JsonNode schema, String name) {
        return (ObjectNode) schema.path("properties").path(name);
    }

    private static String releasedFile(SchemaIdentity identity) {
        return identity.name() + "-" + identity.version() + ".schema.json";
    }

    private static JsonNode released(SchemaIdentity identity) {
        String file = RELEASED + releasedFile(identity);
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new AssertionError(identity.id() + " is not released (no " + file + " in src/test/resources): a"
                        + " new version is an incompatible change, which needs a new topic (schemas/README.md,"
                        + " Compatibility); once it has one, keep a copy of the released schema there");
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
