package io.simplecrawler.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** The JSON Schema files under {@code /schemas} on the classpath, one per event type. */
final class EventSchemas {
    /**
     * Every event type that travels on a topic, each described by {@link #fileName(Class)}: a record,
     * or a sealed interface whose records share one schema ({@link JobEvent}).
     */
    static final List<Class<?>> EVENT_TYPES = List.of(
            JobSubmitted.class,
            JobCancelled.class,
            JobStalled.class,
            FetchTask.class,
            RenderTask.class,
            LinksDiscovered.class,
            PageRecord.class,
            UrlsAdmitted.class,
            CrawlFinished.class,
            JobRejected.class,
            CrawlCancelled.class,
            JobEvent.class,
            DeadLetter.class);

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Draft 2020-12 treats "format" as an annotation unless told otherwise; we want uuid and date-time checked.
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private EventSchemas() {}

    /** {@code PageRecord} is described by {@code page-record.schema.json}. */
    static String fileName(Class<?> eventType) {
        return eventType.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                + ".schema.json";
    }

    /** The event type of {@link #EVENT_TYPES} that describes an event's class: itself, or its sealed interface. */
    static Class<?> describing(Class<?> eventClass) {
        return EVENT_TYPES.stream()
                .filter(type -> type.isAssignableFrom(eventClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no schema describes " + eventClass));
    }

    static JsonSchema schemaFor(Class<?> eventClass) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:schemas/" + fileName(describing(eventClass))), CONFIG);
    }

    static JsonNode jsonOf(Class<?> eventType) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + fileName(eventType))) {
            if (in == null) {
                throw new IllegalStateException("no schema file " + fileName(eventType) + " on the classpath");
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The draft 2020-12 meta-schema, bundled with the validator so no network is needed. */
    static JsonSchema metaSchema() {
        return FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);
    }
}
