package io.simplecrawler.exporter.completion;

import io.micronaut.data.exceptions.DataAccessException;
import io.simplecrawler.exporter.progress.JobError;
import io.simplecrawler.exporter.results.JobSummary;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.OutputFormat;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The job rows the finaliser reads and completes. */
@Singleton
public class CompletableJobs {
    /**
     * The SQL condition of a job row that is ready to finish once it is open: the crawl's page
     * count is known and that many pages are written. It stays true until the job ends.
     */
    public static final String READY = "(pages_total IS NOT NULL AND pages_written >= pages_total)";

    private static final Logger LOG = LoggerFactory.getLogger(CompletableJobs.class);
    private static final String READ =
            """
            SELECT j.id, j.url, j.status, j.format, j.request, j.pages_total, j.pages_crawled, j.pages_failed,
                   j.bytes_downloaded, j.created_at, j.started_at, j.pages_written
            FROM jobs j WHERE j.id = ?""";
    private static final String LOCK = READ + " FOR UPDATE";
    private static final String OPEN_AND_READY = "SELECT id FROM jobs WHERE status IN "
            + JobStatus.sqlList(JobStatus.COMPLETED.predecessors()) + " AND " + READY + " ORDER BY id";
    private static final String COMPLETE = "UPDATE jobs SET status = " + JobStatus.COMPLETED.sqlLiteral()
            + ", progress = 100, finished_at = ? WHERE id = ? AND status IN "
            + JobStatus.sqlList(JobStatus.COMPLETED.predecessors());
    private static final String FAIL = "UPDATE jobs SET status = " + JobStatus.FAILED.sqlLiteral()
            + ", progress = 100, error = ?, finished_at = ? WHERE id = ? AND status IN "
            + JobStatus.sqlList(JobStatus.FAILED.predecessors());

    /**
     * Locks the job's row and tells whether the job is ready to complete: still open, its page
     * count known and reached.
     *
     * @return the job as it will be once completed at {@code finishedAt}, if it is ready
     */
    Optional<JobSummary> lockIfReady(Connection connection, UUID jobId, Instant finishedAt) {
        return readIfReady(connection, LOCK, jobId, finishedAt);
    }

    /** Like {@link #lockIfReady} without the lock: what the job will be, as far as one can tell now. */
    Optional<JobSummary> readIfReady(Connection connection, UUID jobId, Instant finishedAt) {
        return readIfReady(connection, READ, jobId, finishedAt);
    }

    /** The open jobs that are ready to finish: those whose finalisation an exporter has not done yet. */
    List<UUID> openAndReady(Connection connection) {
        try (PreparedStatement select = connection.prepareStatement(OPEN_AND_READY);
                ResultSet rows = select.executeQuery()) {
            List<UUID> ready = new ArrayList<>();
            while (rows.next()) {
                ready.add(rows.getObject("id", UUID.class));
            }
            return ready;
        } catch (SQLException e) {
            throw new DataAccessException("Cannot find the jobs ready to finish", e);
        }
    }

    private Optional<JobSummary> readIfReady(Connection connection, String sql, UUID jobId, Instant finishedAt) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()
                        || JobStatus.fromWireName(row.getString("status")).isFinal()) {
                    return Optional.empty();
                }
                long total = row.getLong("pages_total");
                if (row.wasNull()) {
                    return Optional.empty();
                }
                long written = row.getLong("pages_written");
                if (written > total) {
                    LOG.warn("Job {} has {} pages written but the frontier reported {}", jobId, written, total);
                }
                return written < total ? Optional.empty() : Optional.of(summary(row, finishedAt));
            }
        } catch (SQLException e) {
            throw new DataAccessException("Cannot read job " + jobId, e);
        }
    }

    /** Moves the job to completed unless it was cancelled or failed meanwhile (its row is locked, so it was not). */
    void complete(Connection connection, UUID jobId, Instant finishedAt) {
        try (PreparedStatement update = connection.prepareStatement(COMPLETE)) {
            update.setObject(1, OffsetDateTime.ofInstant(finishedAt, ZoneOffset.UTC));
            update.setObject(2, jobId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Cannot complete job " + jobId, e);
        }
    }

    /**
     * Moves the job to failed, saying why, unless it is finished or cancelled.
     *
     * @return whether the job was open and is now failed
     */
    boolean fail(Connection connection, UUID jobId, Instant finishedAt, String error) {
        try (PreparedStatement update = connection.prepareStatement(FAIL)) {
            update.setString(1, JobError.storable(error));
            update.setObject(2, OffsetDateTime.ofInstant(finishedAt, ZoneOffset.UTC));
            update.setObject(3, jobId);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataAccessException("Cannot fail job " + jobId, e);
        }
    }

    private static JobSummary summary(ResultSet row, Instant finishedAt) throws SQLException {
        UUID jobId = row.getObject("id", UUID.class);
        String format = row.getString("format");
        return new JobSummary(
                jobId,
                row.getString("url"),
                JobStatus.COMPLETED.wireName(),
                OutputFormat.parse(format).orElseGet(() -> {
                    LOG.warn("Job {} has unknown format {}; writing markdown", jobId, format);
                    return OutputFormat.MARKDOWN;
                }),
                row.getLong("pages_total"),
                row.getLong("pages_crawled"),
                row.getLong("pages_failed"),
                row.getLong("bytes_downloaded"),
                instant(row, "created_at"),
                instant(row, "started_at"),
                finishedAt,
                null,
                asksForWarc(jobId, row.getString("request")));
    }

    private static boolean asksForWarc(UUID jobId, String request) {
        try {
            return request != null
                    && EventJson.read(request.getBytes(StandardCharsets.UTF_8), JobSettings.class)
                            .warc();
        } catch (MalformedEventException e) {
            LOG.warn("Job {} has unreadable settings; writing no WARC: {}", jobId, e.getMessage());
            return false;
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
