package io.simplecrawler.exporter.completion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import io.simplecrawler.exporter.kafka.JobEvents;
import io.simplecrawler.exporter.pagesend.PagesEndMarks;
import io.simplecrawler.exporter.results.FinalFiles;
import io.simplecrawler.exporter.results.JobSummary;
import io.simplecrawler.exporter.results.ResultFiles;
import io.simplecrawler.exporter.results.ResultsWriteFailure;
import io.simplecrawler.faults.InfrastructureFaults;
import io.simplecrawler.schemas.JobEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a job whose every page record is written: final result files, then status
 * {@code completed} with progress 100 and {@code COMPLETED} on {@code crawl.events}; or, when
 * nothing was fetched because the seed could not be, or when the files cannot be written,
 * status {@code failed} with the reason and {@code FAILED}.
 *
 * <p>In two steps, so that no transaction or row lock lasts as long as the files take. First the
 * files are prepared under temporary names, outside any transaction, under the job's
 * {@link FinalisationLock} (one finaliser per job across exporters). Then one short transaction
 * locks the job's row, checks that the job is still open and ready and that its journal is the one
 * read (else it prepares again), puts the files in place and moves the job to its end. So two
 * finalisers cannot both end a job, and a cancellation committed first is never overwritten.
 */
@Singleton
class JobFinaliser {
    private static final Logger LOG = LoggerFactory.getLogger(JobFinaliser.class);

    private final ConnectionOperations<Connection> connections;
    private final TransactionOperations<Connection> transactions;
    private final CompletableJobs jobs;
    private final ResultFiles resultFiles;
    private final JobEvents jobEvents;
    private final PagesEndMarks pagesEnd;
    private final Counter jobsCompleted;
    private final Counter jobsFailed;
    private final Timer preparing;

    JobFinaliser(
            ConnectionOperations<Connection> connections,
            TransactionOperations<Connection> transactions,
            CompletableJobs jobs,
            ResultFiles resultFiles,
            JobEvents jobEvents,
            PagesEndMarks pagesEnd,
            MeterRegistry meters) {
        this.connections = connections;
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
        this.preparing = Timer.builder("simplecrawler.exporter.finalisation.prepare")
                .description("Time to write a finished job's final files, before its short closing transaction")
                .register(meters);
    }

    /**
     * Ends the job if it is ready; does nothing otherwise, nor when another finaliser holds it.
     *
     * @param stopping true once the exporter stops: a finalisation then ends without committing
     */
    void finaliseIfReady(UUID jobId, BooleanSupplier stopping) {
        connections.executeWrite(status -> {
            Connection connection = status.getConnection();
            // readiness lasts until the job ends, so a finaliser holding the lock has seen it too and will end it
            if (jobs.readIfReady(connection, jobId, Instant.now()).isEmpty()
                    || !FinalisationLock.tryLock(connection, jobId)) {
                return null;
            }
            try {
                finaliseLocked(connection, jobId, stopping);
            } finally {
                FinalisationLock.unlock(connection, jobId);
            }
            return null;
        });
    }

    private void finaliseLocked(Connection connection, UUID jobId, BooleanSupplier stopping) {
        Ending ending = Ending.STALE;
        while (ending.outcome() == Outcome.STALE) {
            Instant finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Optional<JobSummary> ready = jobs.readIfReady(connection, jobId, finishedAt);
            if (ready.isEmpty()) {
                return;
            }
            Prepared prepared = prepare(ready.get());
            try (FinalFiles files = prepared.files()) {
                if (stopping.getAsBoolean()) {
                    LOG.info("Job {}: the exporter stops; its finalisation is left to the next sweep", jobId);
                    return;
                }
                ending = end(jobId, finishedAt, prepared);
            } catch (IOException e) {
                LOG.warn("Job {}: temporary files not removed: {}", jobId, e.toString());
            }
            if (ending.outcome() == Outcome.STALE) {
                LOG.info("Job {}: its journal changed while its files were prepared; preparing again", jobId);
            }
        }
        if (ending.outcome() == Outcome.ENDED) {
            ended(ending.job());
        }
    }

    /** How the closing transaction went; {@code job} is the job as it ended, if it did. */
    private record Ending(Outcome outcome, JobSummary job) {
        static final Ending STALE = new Ending(Outcome.STALE, null);
        static final Ending GONE = new Ending(Outcome.GONE, null);
    }

    private enum Outcome {
        /** The job ended as its files say. */
        ENDED,
        /** The job had ended meanwhile (a cancellation, another exporter): its files are discarded. */
        GONE,
        /** A page was appended to the journal after it was read, or the journal was replaced. */
        STALE
    }

    /**
     * What the job's files are once prepared: the files, or why the job fails instead.
     *
     * @param files null when the job fails
     */
    private record Prepared(JobSummary job, FinalFiles files) {}

    private Prepared prepare(JobSummary ready) {
        Timer.Sample sample = Timer.start();
        try {
            JobSummary finished = resultFiles
                    .seedFailure(ready.id(), ready.pagesCrawled())
                    .map(ready::failed)
                    .orElse(ready);
            return new Prepared(finished, resultFiles.prepare(finished));
        } catch (ResultsWriteFailure e) {
            LOG.warn("Job {} cannot be finalised: {}", ready.id(), e.getMessage());
            return new Prepared(ready.failed(e.getMessage()), null);
        } catch (RuntimeException e) {
            if (InfrastructureFaults.isInfrastructure(e)) {
                throw e;
            }
            // a page its files cannot be made from would fail every attempt: the job ends rather than stays open
            LOG.warn("Job {} cannot be finalised", ready.id(), e);
            return new Prepared(ready.failed("results cannot be written: " + e), null);
        } finally {
            sample.stop(preparing);
        }
    }

    /**
     * In one transaction under the job's row lock, which page appends take too: the files in place,
     * the job's end state and event, unless the job ended meanwhile or its journal changed.
     */
    private Ending end(UUID jobId, Instant finishedAt, Prepared prepared) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            if (jobs.lockIfReady(connection, jobId, finishedAt).isEmpty()) {
                return Ending.GONE;
            }
            if (prepared.files() != null && !prepared.files().current()) {
                return Ending.STALE;
            }
            JobSummary summary = commitFiles(prepared);
            if (summary.error() == null) {
                jobs.complete(connection, jobId, finishedAt);
            } else {
                jobs.fail(connection, jobId, finishedAt, summary.error());
            }
            // sent before the commit: if the commit fails the next sweep finalises again and sends it again
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
            return new Ending(Outcome.ENDED, summary);
        });
    }

    private static JobSummary commitFiles(Prepared prepared) {
        if (prepared.files() == null) {
            return prepared.job();
        }
        try {
            prepared.files().commit();
            return prepared.job();
        } catch (ResultsWriteFailure e) {
            LOG.warn("Job {} cannot be finalised: {}", prepared.job().id(), e.getMessage());
            return prepared.job().failed(e.getMessage());
        }
    }

    private void ended(JobSummary summary) {
        pagesEnd.markFinished(List.of(summary.id()));
        if (summary.error() == null) {
            jobsCompleted.increment();
            LOG.info(
                    "Job {} completed: {} pages, {} fetched, {} failed",
                    summary.id(),
                    summary.pagesTotal(),
                    summary.pagesCrawled(),
                    summary.pagesFailed());
        } else {
            jobsFailed.increment();
            LOG.info("Job {} failed: {}", summary.id(), summary.error());
        }
    }
}
