package io.simplecrawler.exporter.completion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import io.simplecrawler.exporter.kafka.JobEvents;
import io.simplecrawler.exporter.pagesend.PagesEndMarks;
import io.simplecrawler.exporter.results.JobSummary;
import io.simplecrawler.exporter.results.ResultFiles;
import io.simplecrawler.exporter.results.ResultsWriteFailure;
import io.simplecrawler.schemas.JobEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Finishes a job whose every page record is written: final result files, then status
 * {@code completed} with progress 100 and {@code COMPLETED} on {@code crawl.events}; or, when
 * nothing was fetched because the seed could not be, or when the files cannot be written,
 * status {@code failed} with the reason and {@code FAILED}.
 *
 * <p>All of it happens under the job row's lock, so two finalisers (the page and event
 * listeners, or two exporter instances) cannot both complete a job, and a cancellation
 * committed first is never overwritten.
 */
@Singleton
public class JobFinaliser {
    private static final Logger LOG = LoggerFactory.getLogger(JobFinaliser.class);

    private final TransactionOperations<Connection> transactions;
    private final CompletableJobs jobs;
    private final ResultFiles resultFiles;
    private final JobEvents jobEvents;
    private final PagesEndMarks pagesEnd;
    private final Counter jobsCompleted;
    private final Counter jobsFailed;

    public JobFinaliser(
            TransactionOperations<Connection> transactions,
            CompletableJobs jobs,
            ResultFiles resultFiles,
            JobEvents jobEvents,
            PagesEndMarks pagesEnd,
            MeterRegistry meters) {
        this.transactions = transactions;
        this.jobs = jobs;
        this.resultFiles = resultFiles;
        this.jobEvents = jobEvents;
        this.pagesEnd = pagesEnd;
        this.jobsCompleted = Counter.builder("simplecrawler.exporter.jobs.completed")
                .description("Jobs moved to completed, their result files written")
                .register(meters);
        this.jobsFailed = Counter.builder("simplecrawler.exporter.jobs.failed")
                .description("Jobs moved to failed at the end: seed not fetched, or result files not writable")
                .register(meters);
    }

    /** Completes the job if it is ready; does nothing otherwise, so it is safe to call after any batch. */
    public void finaliseIfReady(UUID jobId) {
        try (var job = MDC.putCloseable("crawl.jobId", jobId.toString())) {
            Optional<JobSummary> completed = transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                Instant finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                Optional<JobSummary> finished =
                        jobs.lockIfReady(connection, jobId, finishedAt).map(this::writeFiles);
                finished.ifPresent(summary -> {
                    if (summary.error() == null) {
                        jobs.complete(connection, jobId, finishedAt);
                    } else {
                        jobs.fail(connection, jobId, finishedAt, summary.error());
                    }
                    // sent before the commit: if the commit fails the batch is retried and sends it again
                    jobEvents.publish(List.of(
                            summary.error() == null
                                    ? new JobEvent.Completed(
                                            jobId,
                                            summary.pagesTotal(),
                                            summary.pagesCrawled(),
                                            summary.pagesFailed(),
                                            Instant.now())
                                    : new JobEvent.Failed(
                                            jobId,
                                            summary.pagesTotal(),
                                            summary.pagesFailed(),
                                            summary.error(),
                                            Instant.now())));
                });
                return finished;
            });
            if (completed.isPresent()) {
                pagesEnd.markFinished(List.of(jobId));
            }
            completed.ifPresent(summary -> {
                if (summary.error() == null) {
                    jobsCompleted.increment();
                    LOG.info(
                            "Job {} completed: {} pages, {} fetched, {} failed",
                            jobId,
                            summary.pagesTotal(),
                            summary.pagesCrawled(),
                            summary.pagesFailed());
                } else {
                    jobsFailed.increment();
                    LOG.info("Job {} failed: {}", jobId, summary.error());
                }
            });
        }
    }

    /**
     * Writes the final files of a job ready to finish.
     *
     * @return the job as it ends: completed, or failed because its seed was not fetched or its files cannot be written
     */
    private JobSummary writeFiles(JobSummary ready) {
        try {
            JobSummary finished = resultFiles
                    .seedFailure(ready.id(), ready.pagesCrawled())
                    .map(ready::failed)
                    .orElse(ready);
            resultFiles.writeFinal(finished);
            return finished;
        } catch (ResultsWriteFailure e) {
            LOG.warn("Job {} cannot be finalised: {}", ready.id(), e.getMessage());
            return ready.failed(e.getMessage());
        }
    }
}
