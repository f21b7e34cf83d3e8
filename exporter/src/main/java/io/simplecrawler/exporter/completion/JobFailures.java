package io.simplecrawler.exporter.completion;

import io.simplecrawler.exporter.kafka.JobCommands;
import io.simplecrawler.exporter.kafka.JobEvents;
import io.simplecrawler.schemas.JobEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Ends an open job that cannot go on (its result files cannot be written, or the watchdog found
 * it stalled): status {@code failed} with the reason, {@code FAILED} on {@code crawl.events}, and
 * a cancellation on {@code crawl.jobs} so that the crawl stops instead of fetching pages that
 * cannot be kept. The other jobs of a batch are written as usual.
 */
@Singleton
public class JobFailures {
    private static final Logger LOG = LoggerFactory.getLogger(JobFailures.class);

    private final CompletableJobs jobs;
    private final JobEvents jobEvents;
    private final JobCommands jobCommands;

    JobFailures(CompletableJobs jobs, JobEvents jobEvents, JobCommands jobCommands) {
        this.jobs = jobs;
        this.jobEvents = jobEvents;
        this.jobCommands = jobCommands;
    }

    /** Fails the job in the caller's transaction, which holds its row lock; a job already finished stays as it is. */
    public void fail(Connection connection, UUID jobId, String reason) {
        try (var job = MDC.putCloseable("crawl.jobId", jobId.toString())) {
            if (!jobs.fail(connection, jobId, Instant.now().truncatedTo(ChronoUnit.MICROS), reason)) {
                LOG.info("Job {} is finished; its pages are not written: {}", jobId, reason);
                return;
            }
            LOG.warn("Job {} failed: {}", jobId, reason);
            // sent before the commit: if the commit fails the batch is retried, fails the job again and resends them
            jobEvents.publish(List.of(new JobEvent.Failed(jobId, reason, Instant.now())));
            jobCommands.cancel(jobId);
        }
    }
}
