package io.simplecrawler.exporter.completion;

import io.simplecrawler.exporter.kafka.JobCommands;
import io.simplecrawler.exporter.kafka.JobEvents;
import io.simplecrawler.exporter.results.ResultsWriteFailure;
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
 * Ends a running job whose result files cannot be written: status {@code failed} with the
 * reason, {@code FAILED} on {@code crawl.events}, and a cancellation on {@code crawl.jobs} so
 * that the crawl stops instead of fetching pages that cannot be kept. The other jobs of the
 * batch are written as usual.
 */
@Singleton
public class UnwritableJobs {
    private static final Logger LOG = LoggerFactory.getLogger(UnwritableJobs.class);

    private final CompletableJobs jobs;
    private final JobEvents jobEvents;
    private final JobCommands jobCommands;

    UnwritableJobs(CompletableJobs jobs, JobEvents jobEvents, JobCommands jobCommands) {
        this.jobs = jobs;
        this.jobEvents = jobEvents;
        this.jobCommands = jobCommands;
    }

    /** Fails the job in the caller's transaction, which holds its row lock; a job already finished stays as it is. */
    public void fail(Connection connection, ResultsWriteFailure failure) {
        UUID jobId = failure.jobId();
        try (var job = MDC.putCloseable("crawl.jobId", jobId.toString())) {
            if (!jobs.fail(connection, jobId, Instant.now().truncatedTo(ChronoUnit.MICROS), failure.getMessage())) {
                LOG.info("Job {} is finished; its pages are not written: {}", jobId, failure.getMessage());
                return;
            }
            LOG.warn("Job {} failed: {}", jobId, failure.getMessage());
            // sent before the commit: if the commit fails the batch is retried, fails the job again and resends them
            jobEvents.publish(List.of(JobEvents.failed(jobId, 0, 0, failure.getMessage())));
            jobCommands.cancel(jobId);
        }
    }
}
