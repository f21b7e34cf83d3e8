package io.simplecrawler.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplecrawler.schemas.SampleEvents.Sample;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every record written to its topic is known by the schema that describes it, as its header will say. */
class SchemaIdentityTest {

    static Stream<Sample> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recordOnItsTopicIsOfTheSchemaThatDescribesIt(Sample sample) {
        Class<?> schemaType = EventSchemas.describing(sample.event().getClass());
        Topics.TopicSpec topic = Topics.ALL.stream()
                .filter(spec -> spec.valueTypes().contains(schemaType))
                .findFirst()
                .orElseThrow();

        assertEquals(Optional.of(schemaType), RecordTypes.of(topic.name(), EventJson.write(sample.event())));
        assertEquals(
                EventSchemas.jsonOf(schemaType).path("$id").asText(),
                SchemaIdentity.of(schemaType).id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"resumed\",\"jobId\":\"x\"}", "not json", "[]", "{}"})
    void aCommandOfNoKnownTypeHasNoSchema(String value) {
        assertEquals(Optional.empty(), RecordTypes.of(Topics.JOBS, value.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crawl.pages.v2", "other"})
    void aTopicOutsideThePipelineHasNoSchema(String topic) {
        assertEquals(Optional.empty(), RecordTypes.of(topic, "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void headerValueIsNameSlashVersion(Sample sample) {
        SchemaIdentity identity =
                SchemaIdentity.of(EventSchemas.describing(sample.event().getClass()));

        assertEquals(
                identity.id(),
                "urn:simplecrawler:schema:" + identity.headerValue().replace('/', ':'));
    }
}
