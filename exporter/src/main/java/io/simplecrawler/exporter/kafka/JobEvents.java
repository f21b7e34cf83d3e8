package io.simplecrawler.exporter.kafka;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.Topics;
import jakarta.inject.Singleton;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The public job lifecycle on {@code crawl.events}, keyed by job id, of which the exporter is the only
 * writer: {@code STARTED}, {@code PAGE} (one per page record written, for jobs whose webhook asks for
 * them), {@code COMPLETED}, {@code FAILED} and {@code CANCELLED}.
 */
@Singleton
public class JobEvents {
    private final RecordSender sender;

    public JobEvents(RecordSender sender) {
        this.sender = sender;
    }

    /** Returns once the broker has acknowledged every event. */
    public void publish(List<JobEvent> events) {
        sender.sendAll(events.stream()
                .map(event -> new ProducerRecord<>(Topics.EVENTS, event.jobId().toString(), EventJson.write(event)))
                .toList());
    }
}
