package io.simplecrawler.exporter.progress;

import io.micronaut.data.exceptions.DataAccessException;
import io.simplecrawler.schemas.JobStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Writes the frontier's facts about a job into its row: admitted URLs, filtered links, final page count, rejection. */
@Singleton
public class CrawlProgress {
    private static final String ADMITTED = "UPDATE jobs SET pages_admitted = GREATEST(pages_admitted, ?),"
            + " progress = " + ProgressColumn.recomputed("pages_written", "GREATEST(pages_admitted, ?)", "pages_total")
            + " WHERE id = ?";
    private static final String FILTERED = "UPDATE jobs SET links_filtered = GREATEST(links_filtered, ?) WHERE id = ?";
    private static final String TOTAL = "UPDATE jobs SET pages_total = ?,"
            + " progress = " + ProgressColumn.recomputed("pages_written", "pages_admitted", "?")
            + " WHERE id = ?";
    private static final String FAILED = "UPDATE jobs SET status = " + JobStatus.FAILED.sqlLiteral()
            + ", error = ?, finished_at = now()"
            + " WHERE id = ? AND status IN " + JobStatus.sqlList(JobStatus.FAILED.predecessors());

    /**
     * @param locked the jobs of the updates that have a row, locked by this transaction
     * @return the jobs this moved to failed (the frontier rejected them while they were open)
     */
    public Set<UUID> apply(Connection connection, CrawlUpdates updates, Map<UUID, LockedJob> locked) {
        try {
            executeBatch(connection, ADMITTED, updates.admitted(), 4, (update, jobId, admitted) -> {
                update.setLong(1, admitted);
                update.setLong(2, admitted);
                update.setInt(3, maxPages(locked, jobId));
            });
            executeBatch(
                    connection,
                    FILTERED,
                    updates.filtered(),
                    2,
                    (update, jobId, filtered) -> update.setLong(1, filtered));
            executeBatch(connection, TOTAL, updates.totals(), 4, (update, jobId, total) -> {
                update.setLong(1, total);
                update.setLong(2, total);
                update.setInt(3, maxPages(locked, jobId));
            });
            return executeBatch(
                    connection,
                    FAILED,
                    updates.failures(),
                    2,
                    (update, jobId, error) -> update.setString(1, JobError.storable(error)));
        } catch (SQLException e) {
            throw new DataAccessException("Cannot record crawl progress of jobs " + updates.jobIds(), e);
        }
    }

    private static int maxPages(Map<UUID, LockedJob> locked, UUID jobId) {
        LockedJob job = locked.get(jobId);
        return job == null ? 0 : job.maxPages();
    }

    @FunctionalInterface
    private interface Parameters<V> {
        /** Sets every parameter but the job id's. */
        void set(PreparedStatement update, UUID jobId, V value) throws SQLException;
    }

    /** @return the jobs whose row the statement changed */
    private static <V> Set<UUID> executeBatch(
            Connection connection, String sql, Map<UUID, V> values, int jobIdIndex, Parameters<V> parameters)
            throws SQLException {
        Set<UUID> changed = new LinkedHashSet<>();
        if (values.isEmpty()) {
            return changed;
        }
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (var entry : values.entrySet()) {
                parameters.set(update, entry.getKey(), entry.getValue());
                update.setObject(jobIdIndex, entry.getKey());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            int i = 0;
            for (UUID jobId : values.keySet()) {
                if (counts[i++] > 0) {
                    changed.add(jobId);
                }
            }
        }
        return changed;
    }
}
