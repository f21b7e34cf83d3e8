package io.simplecrawler.exporter.kafka;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.Topics;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The exporter's commands on {@code crawl.jobs}: a job it has failed is cancelled there, so that
 * the frontier admits and the fetchers fetch nothing more for it.
 */
@Singleton
public class JobCommands {
    private final RecordSender sender;

    public JobCommands(RecordSender sender) {
        this.sender = sender;
    }

    /** Returns once the broker has acknowledged the command. */
    public void cancel(UUID jobId) {
        sender.sendAll(List.of(new ProducerRecord<>(
                Topics.JOBS, jobId.toString(), EventJson.write(new JobCancelled(jobId, Instant.now())))));
    }
}
