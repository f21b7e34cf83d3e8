package io.simplecrawler.gateway.job;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.simplecrawler.gateway.kafka.JobCommandClient;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobCancelled;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels a job (invariant 6): the row turns cancelled, then the {@link JobCancelled} command
 * goes to the frontier on {@code crawl.jobs}, which marks the job cancelled in Redis where the
 * fetchers check it right before every request, and tells the exporter, which sends the
 * {@code CANCELLED} event to listeners. Cancellation travels one way, through Kafka, so a cancel
 * works while Redis is away too; a command Kafka did not acknowledge is sent again by the
 * {@link OutboxRelay}, so a cancel made while Kafka is away stops the crawl once it is back.
 */
@Singleton
public class JobCancellation {
    private static final Logger LOG = LoggerFactory.getLogger(JobCancellation.class);

    public enum Outcome {
        CANCELLED,
        ALREADY_FINISHED,
        NOT_FOUND
    }

    private final JobRepository jobs;
    private final JobCommandClient commands;

    JobCancellation(JobRepository jobs, JobCommandClient commands) {
        this.jobs = jobs;
        this.commands = commands;
    }

    public Outcome cancel(UUID id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (jobs.cancel(id, now) == 0) {
            return jobs.existsById(id) ? Outcome.ALREADY_FINISHED : Outcome.NOT_FOUND;
        }
        LOG.info("Job {} cancelled", id);
        publish(id, now);
        return Outcome.CANCELLED;
    }

    /** Cancels a pending or running job; 404 when there is no such job, 409 when it has finished. */
    public void cancelOpen(UUID id) {
        switch (cancel(id)) {
            case NOT_FOUND -> throw new HttpStatusException(HttpStatus.NOT_FOUND, "no job " + id);
            case ALREADY_FINISHED -> throw new HttpStatusException(
                    HttpStatus.CONFLICT,
                    "job " + id + " is already "
                            + jobs.findById(id)
                                    .map(job -> job.status().wireName())
                                    .orElse("gone"));
            case CANCELLED -> {}
        }
    }

    /** Sends the job's JobCancelled; false if Kafka did not acknowledge it (the outbox relay retries). */
    boolean publish(UUID id, Instant cancelledAt) {
        try {
            commands.send(id.toString(), EventJson.write(new JobCancelled(id, cancelledAt)));
            jobs.markCancelPublished(id, Instant.now());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Job {} cancelled, but its cancel command is not published yet: {}", id, e.getMessage());
            return false;
        }
    }
}
