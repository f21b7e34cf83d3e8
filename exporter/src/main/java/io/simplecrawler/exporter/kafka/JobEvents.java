package io.simplecrawler.exporter.kafka;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.Topics;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The exporter's own job events on {@code crawl.events}, keyed by job id: {@code STARTED},
 * {@code PAGE} (one per page record written, for jobs whose webhook asks for them), {@code COMPLETED} and {@code FAILED}
 * (a seed that could not be fetched).
 */
@Singleton
public class JobEvents {
    private final RecordSender sender;

    public JobEvents(RecordSender sender) {
        this.sender = sender;
    }

    public static JobEvent started(UUID jobId) {
        return new JobEvent(jobId, JobEvent.Type.STARTED, 0, 0, 0, null, Instant.now());
    }

    /** A page record was written; a failed page carries its error. */
    public static JobEvent page(PageRecord page) {
        return new JobEvent(page.jobId(), JobEvent.Type.PAGE, 0, 0, 0, page.error(), Instant.now(), null, null, null, page.url());
    }

    public static JobEvent completed(UUID jobId, long total, long pagesCrawled, long pagesFailed) {
        return new JobEvent(jobId, JobEvent.Type.COMPLETED, total, pagesCrawled, pagesFailed, null, Instant.now());
    }

    public static JobEvent failed(UUID jobId, long total, long pagesFailed, String error) {
        return new JobEvent(jobId, JobEvent.Type.FAILED, total, 0, pagesFailed, error, Instant.now());
    }

    /** Returns once the broker has acknowledged every event. */
    public void publish(List<JobEvent> events) {
        sender.sendAll(events.stream()
                .map(event -> new ProducerRecord<>(Topics.EVENTS, event.jobId().toString(), EventJson.write(event)))
                .toList());
    }
}
