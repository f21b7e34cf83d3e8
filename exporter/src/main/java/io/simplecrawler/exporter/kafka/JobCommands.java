package io.simplecrawler.exporter.kafka;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobCommand;
import io.simplecrawler.schemas.JobStalled;
import io.simplecrawler.schemas.Topics;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The exporter's commands on {@code crawl.jobs}: a job it has failed is cancelled there, so that
 * the frontier admits and the fetchers fetch nothing more for it; a stalled job is reported there,
 * so that the frontier re-emits its unsettled fetch tasks.
 */
@Singleton
public class JobCommands {
    private final RecordSender sender;

    public JobCommands(RecordSender sender) {
        this.sender = sender;
    }

    /** Returns once the broker has acknowledged the command. */
    public void cancel(UUID jobId) {
        send(new JobCancelled(jobId, Instant.now()));
    }

    /** Asks the frontier to re-emit the job's unsettled fetch tasks; returns once acknowledged. */
    public void stalled(UUID jobId, Instant since) {
        send(new JobStalled(jobId, since));
    }

    private void send(JobCommand command) {
        sender.sendAll(
                List.of(new ProducerRecord<>(Topics.JOBS, command.jobId().toString(), EventJson.write(command))));
    }
}
