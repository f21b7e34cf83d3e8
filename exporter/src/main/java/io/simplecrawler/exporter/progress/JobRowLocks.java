package io.simplecrawler.exporter.progress;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Locks job rows for the rest of the transaction, always in id order. */
@Singleton
public class JobRowLocks {
    private static final String LOCK =
            "SELECT id, status, pages_total, coalesce(webhook::jsonb -> 'events' @> '[\"page\"]', false) AS page_events"
                    + " FROM jobs WHERE id = ANY(?) ORDER BY id FOR UPDATE";

    /** @return each job that has a row, in lock order; unknown ids are left out */
    public Map<UUID, LockedJob> lock(Connection connection, Collection<UUID> jobIds) {
        Map<UUID, LockedJob> jobs = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setArray(1, connection.createArrayOf("uuid", jobIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    jobs.put(rows.getObject("id", UUID.class),
                            new LockedJob(rows.getString("status"), rows.getObject("pages_total", Integer.class),
                                    rows.getBoolean("page_events")));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new DataAccessException("Cannot lock jobs " + jobIds, e);
        }
    }
}
