package io.simplecrawler.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.simplecrawler.schemas.SampleEvents.Sample;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link EventJson} writes is what the JSON Schema files promise downstream consumers. */
class SchemaConformanceTest {

    static Stream<Sample> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleValidatesAgainstItsSchema(Sample sample) throws IOException {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(sample.event()));

        Set<ValidationMessage> errors =
                EventSchemas.schemaFor(sample.event().getClass()).validate(json);

        assertEquals(Set.of(), errors, () -> "written as " + json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleRoundTrips(Sample sample) {
        assertEquals(sample.event(), EventJson.read(EventJson.write(sample.event()), sample.readAs()));
    }

    @Test
    void everyEventTypeHasSamples() {
        Set<Class<?>> sampled = samples().map(s -> s.event().getClass()).collect(Collectors.toSet());
        Set<Class<?>> records = EventSchemas.EVENT_TYPES.stream()
                .flatMap(type -> type.isSealed() ? Arrays.stream(type.getPermittedSubclasses()) : Stream.of(type))
                .collect(Collectors.toSet());

        assertEquals(records, sampled);
    }

    /** A sample with one defect the schema must catch. */
    record Broken(String name, Sample of, Consumer<ObjectNode> defect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Broken> brokenSamples() {
        Sample submitted = sample("job submitted, markdown");
        Sample page = sample("page, fetched");
        return Stream.of(
                new Broken("job submitted without settings", submitted, json -> json.remove("settings")),
                new Broken("job submitted typed as cancelled", submitted, json -> json.put("type", "cancelled")),
                new Broken(
                        "job submitted with upper-case format", submitted, json -> ((ObjectNode) json.get("settings"))
                                .put("format", "MARKDOWN")),
                new Broken("job submitted with no page budget", submitted, json -> ((ObjectNode) json.get("settings"))
                        .put("maxPages", 0)),
                new Broken(
                        "job cancelled with a date that is not ISO-8601",
                        sample("job cancelled"),
                        json -> json.put("cancelledAt", "14/03/2025")),
                new Broken(
                        "fetch task with a job id that is not a UUID",
                        sample("fetch task, seed"),
                        json -> json.put("jobId", "job-1")),
                new Broken(
                        "fetch task with depth as a string",
                        sample("fetch task, seed"),
                        json -> json.put("depth", "0")),
                new Broken("fetch task with attempt 0", sample("fetch task, seed"), json -> json.put("attempt", 0)),
                new Broken(
                        "links with an unknown outcome",
                        sample("links, fetched"),
                        json -> json.put("outcome", "fetched")),
                new Broken("links without source URL", sample("links, fetched"), json -> json.remove("sourceUrl")),
                new Broken("page without url", page, json -> json.remove("url")),
                new Broken("page with an unknown outcome", page, json -> json.put("outcome", "OK")),
                new Broken("page with links as one string", page, json -> json.put("links", "https://example.org/")),
                new Broken("event with an unknown type", sample("event, completed"), json -> json.put("type", "DONE")),
                new Broken("event without time", sample("event, completed"), json -> json.remove("at")),
                new Broken(
                        "event typed PROGRESS, which is internal now",
                        sample("event, completed"),
                        json -> json.put("type", "PROGRESS")),
                new Broken("event without pagesFailed", sample("event, started"), json -> json.remove("pagesFailed")),
                new Broken(
                        "admitted URLs without filtered count",
                        sample("crawl fact, seed admitted"),
                        json -> json.remove("filtered")),
                new Broken(
                        "admitted URLs typed as finished",
                        sample("crawl fact, seed admitted"),
                        json -> json.put("type", "finished")),
                new Broken(
                        "finished crawl with a negative total",
                        sample("crawl fact, finished"),
                        json -> json.put("total", -1)),
                new Broken(
                        "rejected job with a blank reason",
                        sample("crawl fact, rejected"),
                        json -> json.put("reason", "")),
                new Broken(
                        "cancelled crawl without job id",
                        sample("crawl fact, cancelled"),
                        json -> json.remove("jobId")),
                new Broken(
                        "dead letter without reason", sample("dead letter, bad json"), json -> json.remove("reason")),
                new Broken(
                        "dead letter with a digest that is not hex SHA-256",
                        sample("dead letter, value cut"),
                        json -> json.put("valueSha256", "abc")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSamples")
    void brokenSampleDoesNotValidate(Broken broken) throws IOException {
        ObjectNode json = (ObjectNode)
                EventJson.mapper().readTree(EventJson.write(broken.of().event()));
        broken.defect().accept(json);

        Set<ValidationMessage> errors =
                EventSchemas.schemaFor(broken.of().event().getClass()).validate(json);

        assertFalse(errors.isEmpty(), () -> "accepted " + json);
    }

    /** The public events are written as the single JobEvent record of before wrote them: readers see no change. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("publicEventsAsWrittenBefore")
    void publicEventKeepsItsWireShape(String name, String before) throws IOException {
        assertEquals(
                EventJson.mapper().readTree(before),
                EventJson.mapper().readTree(EventJson.write(sample(name).event())));
    }

    static Stream<Arguments> publicEventsAsWrittenBefore() {
        String job = "\"jobId\":\"3f2b8c1e-9d4a-4e7b-8a6f-2c1d0e9b7a55\"";
        String at = "\"at\":\"2025-03-14T09:26:53.589793Z\"";
        return Stream.of(
                Arguments.of(
                        "event, started",
                        "{" + job + ",\"type\":\"STARTED\",\"total\":0,\"pagesCrawled\":0," + "\"pagesFailed\":0," + at
                                + "}"),
                Arguments.of(
                        "event, page that failed",
                        "{" + job + ",\"type\":\"PAGE\",\"total\":0,\"pagesCrawled\":0,"
                                + "\"pagesFailed\":0,\"error\":\"HTTP 404\"," + at
                                + ",\"url\":\"https://example.org/gone\"}"),
                Arguments.of(
                        "event, completed",
                        "{" + job + ",\"type\":\"COMPLETED\",\"total\":87,\"pagesCrawled\":80," + "\"pagesFailed\":7,"
                                + at + "}"),
                Arguments.of(
                        "event, failed at the end",
                        "{" + job + ",\"type\":\"FAILED\",\"total\":1,\"pagesCrawled\":0,"
                                + "\"pagesFailed\":1,\"error\":\"the seed could not be fetched: HTTP 404\"," + at
                                + "}"),
                Arguments.of(
                        "event, cancelled",
                        "{" + job + ",\"type\":\"CANCELLED\",\"total\":0,\"pagesCrawled\":0," + "\"pagesFailed\":0,"
                                + at + "}"));
    }

    @Test
    void unknownFieldsAreTolerated() throws IOException {
        ObjectNode json = (ObjectNode) EventJson.mapper()
                .readTree(EventJson.write(sample("page, fetched").event()));
        json.put("fieldOfANewerProducer", "en");

        assertTrue(EventSchemas.schemaFor(PageRecord.class).validate(json).isEmpty());
        assertEquals(
                sample("page, fetched").event(),
                EventJson.read(EventJson.mapper().writeValueAsBytes(json), PageRecord.class));
    }

    private static Sample sample(String name) {
        return samples().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
