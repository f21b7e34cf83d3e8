package io.simplecrawler.gateway.ops;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.simplecrawler.schemas.JobStatus;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many jobs there are of each status, every status named (0 when none). */
@Singleton
class JobCounts {
    private final JdbcOperations jdbc;

    JobCounts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** By the statuses' wire names, in {@link JobStatus} order. */
    @Transactional(readOnly = true)
    Map<String, Long> byStatus() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (JobStatus status : JobStatus.values()) {
            byStatus.put(status.wireName(), 0L);
        }
        jdbc.prepareStatement("SELECT status, count(*) FROM jobs GROUP BY status", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byStatus.put(rows.getString(1), rows.getLong(2));
                }
            }
            return null;
        });
        return byStatus;
    }
}
