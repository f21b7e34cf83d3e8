package io.simplecrawler.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.PagesEnded;
import io.simplecrawler.schemas.SchemaIdentity;
import io.simplecrawler.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class SchemaHeadersTest {
    private static final UUID JOB = UUID.fromString("3f2b8c1e-9d4a-4e7b-8a6f-2c1d0e9b7a55");
    private final SchemaHeaders headers = new SchemaHeaders();

    @Test
    void configNamesTheInterceptor() {
        assertEquals(SchemaHeaders.class.getName(), SchemaHeaders.CONFIG);
    }

    @Test
    void commandGetsItsSchema() {
        assertEquals("job-cancelled/1", header(Topics.JOBS, EventJson.write(new JobCancelled(JOB, Instant.now()))));
    }

    @Test
    void pagesTopicTellsThePageFromTheMarker() {
        assertEquals(
                "pages-ended/1",
                header(Topics.PAGES, EventJson.write(new PagesEnded(JOB, 3, JobStatus.COMPLETED, Instant.now()))));
        assertEquals("page-record/2", header(Topics.PAGES, "{\"jobId\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void malformedCommandGoesWithoutHeader() {
        assertNull(header(Topics.JOBS, "{\"type\":\"resumed\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aHeaderSetByTheSenderIsKept() {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(Topics.PAGES, "k", new byte[] {'{', '}'});
        record.headers().add(SchemaIdentity.HEADER, "page-record/3".getBytes(StandardCharsets.UTF_8));

        headers.onSend(record);

        assertEquals(1, record.headers().toArray().length);
    }

    private String header(String topic, byte[] value) {
        ProducerRecord<Object, Object> record = headers.onSend(new ProducerRecord<>(topic, "key", value));
        Header header = record.headers().lastHeader(SchemaIdentity.HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
