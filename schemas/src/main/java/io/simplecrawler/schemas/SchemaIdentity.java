package io.simplecrawler.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema a record value follows, by name and version: what its JSON Schema file's {@code $id}
 * says ({@code urn:simplecrawler:schema:page-record:2}) and what the Kafka header
 * {@link #HEADER} of every record carries ({@code page-record/2}). The version changes only with
 * an incompatible change, which also takes a new topic (schemas/README.md, Compatibility).
 */
public record SchemaIdentity(String name, int version) {
    /** The Kafka header of every record on every topic, naming the schema of its value. */
    public static final String HEADER = "simplecrawler-schema";

    private static final Pattern ID = Pattern.compile("urn:simplecrawler:schema:([a-z-]+):(\\d+)");
    private static final Map<Class<?>, SchemaIdentity> BY_TYPE = new ConcurrentHashMap<>();

    /** Of a schema type of {@link Topics#valueTypes}, from its file's {@code $id}. */
    public static SchemaIdentity of(Class<?> schemaType) {
        return BY_TYPE.computeIfAbsent(schemaType, SchemaIdentity::read);
    }

    /** {@code PageRecord} is described by {@code page-record.schema.json}, under {@code /schemas} on the classpath. */
    public static String fileName(Class<?> schemaType) {
        return schemaType.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                + ".schema.json";
    }

    /** The header's value, e.g. {@code page-record/2}. */
    public String headerValue() {
        return name + "/" + version;
    }

    /** The schema file's {@code $id}, e.g. {@code urn:simplecrawler:schema:page-record:2}. */
    public String id() {
        return "urn:simplecrawler:schema:" + name + ":" + version;
    }

    private static SchemaIdentity read(Class<?> schemaType) {
        String file = "/schemas/" + fileName(schemaType);
        try (InputStream in = SchemaIdentity.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("no schema file " + file + " on the classpath");
            }
            JsonNode id = EventJson.mapper().readTree(in).path("$id");
            Matcher matcher = ID.matcher(id.asText());
            if (!matcher.matches()) {
                throw new IllegalStateException(file + " has $id " + id + ", not urn:simplecrawler:schema:<name>:<n>");
            }
            return new SchemaIdentity(matcher.group(1), Integer.parseInt(matcher.group(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
