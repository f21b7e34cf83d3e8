package io.simplecrawler.exporter.watchdog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.simplecrawler.exporter.completion.CompletableJobs;
import io.simplecrawler.exporter.completion.FinalisationQueue;
import io.simplecrawler.exporter.completion.JobFailures;
import io.simplecrawler.exporter.pagesend.PagesEndMarks;
import io.simplecrawler.schemas.JobStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Checks open jobs on a schedule: marks those that have written no page for {@code stallAfter}
 * stalled and has the frontier re-emit their unsettled fetch tasks ({@link StalledJobRedrives}),
 * and fails those that have written none for {@code failAfter}, with the reason. A job whose
 * every page the crawl reported is written is never stalled nor failed: it waits for its
 * finalisation, which writes no page and may take minutes; past {@code failAfter} the watchdog
 * queues it again (a finalisation that was missed or abandoned). A pending job counts only once
 * its submission is published: before, the gateway's outbox owns it.
 */
@Singleton
public class JobWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(JobWatchdog.class);
    private static final String OPEN = "(status = " + JobStatus.RUNNING.sqlLiteral() + " OR (status = "
            + JobStatus.PENDING.sqlLiteral() + " AND published_at IS NOT NULL))";
    private static final String ACTIVE_AT = "coalesce(last_progress_at, started_at, published_at, created_at)";
    private static final String COLUMNS =
            "id, " + ACTIVE_AT + " AS active_at, pages_written, pages_admitted, pages_total";
    /** A job whose pages are all written waits for its finalisation, which writes no page: it is not stalled. */
    private static final String WAITING_FOR_PAGES = " AND NOT " + CompletableJobs.READY;

    private static final String MARK_STALLED = "UPDATE jobs SET stalled_since = " + ACTIVE_AT + " WHERE " + OPEN
            + WAITING_FOR_PAGES + " AND stalled_since IS NULL AND " + ACTIVE_AT + " < ? RETURNING " + COLUMNS;
    private static final String UNMARK_READY = "UPDATE jobs SET stalled_since = NULL WHERE " + OPEN
            + " AND stalled_since IS NOT NULL AND " + CompletableJobs.READY;
    private static final String STALLED_TOO_LONG = "SELECT " + COLUMNS + " FROM jobs WHERE " + OPEN + " AND "
            + ACTIVE_AT + " < ? ORDER BY id FOR UPDATE SKIP LOCKED";
    private static final String STALLED =
            "SELECT " + COLUMNS + " FROM jobs WHERE " + OPEN + WAITING_FOR_PAGES + " AND stalled_since IS NOT NULL";

    private final TransactionOperations<Connection> transactions;
    private final JobFailures failures;
    private final FinalisationQueue finaliser;
    private final WatchdogConfiguration configuration;
    private final StalledJobRedrives redrives;
    private final PagesEndMarks pagesEnd;
    private final AtomicLong stalledJobs = new AtomicLong();

    JobWatchdog(
            TransactionOperations<Connection> transactions,
            JobFailures failures,
            FinalisationQueue finaliser,
            WatchdogConfiguration configuration,
            StalledJobRedrives redrives,
            PagesEndMarks pagesEnd,
            MeterRegistry meters) {
        this.transactions = transactions;
        this.failures = failures;
        this.finaliser = finaliser;
        this.configuration = configuration;
        this.redrives = redrives;
        this.pagesEnd = pagesEnd;
        Gauge.builder("simplecrawler.exporter.jobs.stalled", stalledJobs, AtomicLong::get)
                .description("Open jobs that have written no page for exporter.watchdog.stall-after")
                .register(meters);
    }

    @Scheduled(fixedDelay = "${exporter.watchdog.interval:30s}", initialDelay = "${exporter.watchdog.interval:30s}")
    void check() {
        try {
            Instant now = Instant.now();
            Findings findings = transactions.executeWrite(status -> checkOpenJobs(status.getConnection(), now));
            findings.complete().forEach(job -> finaliser.request(job.id()));
            // a job failed for want of progress may never see its crawl finish: its pages end now
            pagesEnd.markEnded(findings.failed());
            pagesEnd.markOverdue(now.minus(configuration.failAfter()));
            redrives.redrive(findings.stalled(), now);
        } catch (RuntimeException e) {
            // Postgres or Kafka away: the next check tries again, and no job is judged meanwhile
            LOG.warn("The watchdog could not check open jobs: {}", e.toString());
        }
    }

    private Findings checkOpenJobs(Connection connection, Instant now) {
        try {
            // marked before the crawl's page count came and made them ready
            try (PreparedStatement unmark = connection.prepareStatement(UNMARK_READY)) {
                unmark.executeUpdate();
            }
            for (StalledJob job : select(connection, MARK_STALLED, now.minus(configuration.stallAfter()))) {
                try (var context = MDC.putCloseable("crawl.jobId", job.id().toString())) {
                    LOG.warn(
                            "Job {} stalled: no page written since {} ({} of {} admitted pages written)",
                            job.id(),
                            job.since(),
                            job.written(),
                            job.admitted());
                }
            }
            List<StalledJob> complete = new ArrayList<>();
            List<UUID> failed = new ArrayList<>();
            for (StalledJob job : select(connection, STALLED_TOO_LONG, now.minus(configuration.failAfter()))) {
                if (job.isComplete()) {
                    complete.add(job);
                } else {
                    failures.fail(connection, job.id(), job.reason(now, redrives.times(job.id())));
                    failed.add(job.id());
                }
            }
            List<StalledJob> stalled = select(connection, STALLED, null);
            stalledJobs.set(stalled.size());
            return new Findings(
                    complete,
                    failed,
                    stalled.stream().filter(job -> !job.isComplete()).toList());
        } catch (SQLException e) {
            throw new DataAccessException("Cannot check open jobs", e);
        }
    }

    private static List<StalledJob> select(Connection connection, String sql, Instant before) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (before != null) {
                statement.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            }
            List<StalledJob> jobs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    jobs.add(new StalledJob(
                            rows.getObject("id", UUID.class),
                            rows.getObject("active_at", OffsetDateTime.class).toInstant(),
                            rows.getLong("pages_written"),
                            rows.getLong("pages_admitted"),
                            total(rows)));
                }
            }
            return jobs;
        }
    }

    private static Long total(ResultSet row) throws SQLException {
        long total = row.getLong("pages_total");
        return row.wasNull() ? null : total;
    }

    /**
     * @param complete stalled jobs whose pages are all written, to complete after the transaction
     * @param failed   jobs failed for want of progress, whose pages end after the transaction
     * @param stalled  the other stalled jobs still open, to re-drive after the transaction
     */
    private record Findings(List<StalledJob> complete, List<UUID> failed, List<StalledJob> stalled) {}
}
