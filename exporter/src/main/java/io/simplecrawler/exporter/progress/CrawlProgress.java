package io.simplecrawler.exporter.progress;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** Writes the frontier's view of a job into its row: admitted URLs, filtered links, the final page count, failure. */
@Singleton
public class CrawlProgress {
    private static final String ADMITTED = "UPDATE jobs SET pages_admitted = GREATEST(pages_admitted, ?),"
            + " progress = " + ProgressColumn.recomputed("GREATEST(pages_admitted, ?)")
            + " WHERE id = ?";
    private static final String FILTERED = "UPDATE jobs SET links_filtered = GREATEST(links_filtered, ?) WHERE id = ?";
    private static final String TOTAL = "UPDATE jobs SET pages_total = ? WHERE id = ?";
    private static final String FAILED = "UPDATE jobs SET status = 'failed', error = ?, finished_at = now()"
            + " WHERE id = ? AND status IN ('pending', 'running')";

    public void apply(Connection connection, CrawlUpdates updates) {
        try {
            executeBatch(connection, ADMITTED, updates.admitted(), 3, (update, admitted) -> {
                update.setLong(1, admitted);
                update.setLong(2, admitted);
            });
            executeBatch(connection, FILTERED, updates.filtered(), 2, (update, filtered) -> update.setLong(1, filtered));
            executeBatch(connection, TOTAL, updates.totals(), 2, (update, total) -> update.setLong(1, total));
            executeBatch(connection, FAILED, updates.failures(), 2, (update, error) -> update.setString(1, error));
        } catch (SQLException e) {
            throw new DataAccessException("Cannot record crawl progress of jobs " + updates.jobIds(), e);
        }
    }

    @FunctionalInterface
    private interface Parameters<V> {
        /** Sets every parameter but the job id's. */
        void set(PreparedStatement update, V value) throws SQLException;
    }

    private static <V> void executeBatch(
            Connection connection, String sql, Map<UUID, V> values, int jobIdIndex, Parameters<V> parameters)
            throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (var entry : values.entrySet()) {
                parameters.set(update, entry.getValue());
                update.setObject(jobIdIndex, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
