package io.simplecrawler.exporter.pages;

import io.micronaut.data.exceptions.DataAccessException;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The table {@code exported_pages}: which (job, URL) pairs are written. */
@Singleton
class ExportedPages {
    private static final String INSERT =
            """
            INSERT INTO exported_pages (job_id, url, outcome, bytes)
            SELECT * FROM unnest(?::uuid[], ?::text[], ?::varchar[], ?::bigint[])
            ON CONFLICT (job_id, url) DO NOTHING
            RETURNING job_id, url""";

    /**
     * Inserts a row per page in one statement.
     *
     * @param pages pages of existing jobs, at most one per (job, URL)
     * @return the pages whose row is new, in the given order; the others were written before
     */
    List<PageRecord> insertNew(Connection connection, List<PageRecord> pages) {
        if (pages.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(
                    1,
                    connection.createArrayOf(
                            "uuid", pages.stream().map(PageRecord::jobId).toArray()));
            insert.setArray(
                    2,
                    connection.createArrayOf(
                            "text", pages.stream().map(PageRecord::url).toArray()));
            insert.setArray(
                    3,
                    connection.createArrayOf(
                            "varchar",
                            pages.stream().map(p -> p.outcome().name()).toArray()));
            insert.setArray(
                    4,
                    connection.createArrayOf(
                            "int8", pages.stream().map(PageRecord::bytes).toArray()));
            Set<PageKey> inserted = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(new PageKey(rows.getObject("job_id", UUID.class), rows.getString("url")));
                }
            }
            return pages.stream()
                    .filter(page -> inserted.contains(PageKey.of(page)))
                    .toList();
        } catch (SQLException e) {
            throw new DataAccessException("Cannot insert " + pages.size() + " exported pages", e);
        }
    }
}
