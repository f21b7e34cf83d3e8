package io.simplecrawler.exporter.progress;

import io.micronaut.data.exceptions.DataAccessException;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.MalformedEventException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Locks job rows for the rest of the transaction, always in id order. */
@Singleton
public class JobRowLocks {
    private static final Logger LOG = LoggerFactory.getLogger(JobRowLocks.class);
    private static final String LOCK = "SELECT id, status, pages_total, request,"
            + " coalesce(webhook::jsonb -> 'events' @> '[\"page\"]', false) AS page_events"
            + " FROM jobs WHERE id = ANY(?) ORDER BY id FOR UPDATE";

    /** @return each job that has a row, in lock order; unknown ids are left out */
    public Map<UUID, LockedJob> lock(Connection connection, Collection<UUID> jobIds) {
        Map<UUID, LockedJob> jobs = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setArray(1, connection.createArrayOf("uuid", jobIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID jobId = rows.getObject("id", UUID.class);
                    jobs.put(
                            jobId,
                            new LockedJob(
                                    JobStatus.fromWireName(rows.getString("status")),
                                    rows.getObject("pages_total", Integer.class),
                                    rows.getBoolean("page_events"),
                                    maxPages(jobId, rows.getString("request"))));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new DataAccessException("Cannot lock jobs " + jobIds, e);
        }
    }

    private static int maxPages(UUID jobId, String request) {
        try {
            return request == null
                    ? 0
                    : EventJson.read(request.getBytes(StandardCharsets.UTF_8), JobSettings.class)
                            .maxPages();
        } catch (MalformedEventException e) {
            LOG.debug(
                    "Job {} has unreadable settings; its progress is measured against its admitted pages: {}",
                    jobId,
                    e.getMessage());
            return 0;
        }
    }
}
