package io.simplecrawler.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.SchemaIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a record value against the JSON Schema its {@code simplecrawler-schema} header names
 * ({@code page-record/2} is {@code /schemas/page-record.schema.json} with {@code $id}
 * {@code urn:simplecrawler:schema:page-record:2}), as a consumer outside this repository would.
 */
final class RecordSchemas {
    private static final Pattern HEADER = Pattern.compile("([a-z-]+)/(\\d+)");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // format (uuid, date-time) is an annotation in draft 2020-12 unless asserted
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> BY_HEADER = new ConcurrentHashMap<>();

    private RecordSchemas() {}

    /** What is wrong with the value for the schema the header names; empty when it conforms. */
    static List<String> problems(String header, String value) {
        if (header == null) {
            return List.of("no " + SchemaIdentity.HEADER + " header");
        }
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            return List.of("header " + header + " is not <name>/<version>");
        }
        JsonSchema schema = BY_HEADER.computeIfAbsent(
                header,
                h -> FACTORY.getSchema(
                        SchemaLocation.of("classpath:schemas/" + matcher.group(1) + ".schema.json"), CONFIG));
        String id = "urn:simplecrawler:schema:" + matcher.group(1) + ":" + matcher.group(2);
        if (!id.equals(schema.getSchemaNode().path("$id").asText())) {
            return List.of("header " + header + " names version " + matcher.group(2) + ", the schema file is "
                    + schema.getSchemaNode().path("$id").asText());
        }
        try {
            JsonNode json = EventJson.mapper().readTree(value);
            return schema.validate(json).stream()
                    .map(ValidationMessage::getMessage)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
