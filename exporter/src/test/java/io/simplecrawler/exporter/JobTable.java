package io.simplecrawler.exporter;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.OutputFormat;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The test's direct view of the {@code jobs} and {@code exported_pages} tables, as the gateway would write them. */
final class JobTable {
    private final String url;
    private final String user;
    private final String password;

    JobTable(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static final int MAX_PAGES = 100;

    void insert(UUID jobId, String seed, String status, String format) throws SQLException {
        insert(jobId, seed, status, format, null, MAX_PAGES);
    }

    /**
     * @param webhook  the {@code jobs.webhook} JSON as the gateway stores it, or null
     * @param maxPages the page budget in the job's settings
     */
    void insert(UUID jobId, String seed, String status, String format, String webhook, int maxPages)
            throws SQLException {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO jobs (id, url, status, format, request, created_at, webhook) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, jobId);
            insert.setString(2, seed);
            insert.setString(3, status);
            insert.setString(4, format);
            insert.setString(
                    5,
                    EventJson.writeString(new JobSettings(
                            seed, maxPages, 2, OutputFormat.parse(format).orElseThrow(), 0, 4, 30_000)));
            insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setString(7, webhook);
            insert.executeUpdate();
        }
    }

    /** The job's row, column name to value. */
    Map<String, Object> row(UUID jobId) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT * FROM jobs WHERE id = ?")) {
            select.setObject(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                Map<String, Object> columns = new HashMap<>();
                if (row.next()) {
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        columns.put(row.getMetaData().getColumnName(i), row.getObject(i));
                    }
                }
                return columns;
            }
        }
    }

    /** Sets one column of the job's row, as a lost or late update would have left it. */
    void set(UUID jobId, String column, Object value) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE jobs SET " + column + " = ? WHERE id = ?")) {
            update.setObject(1, value);
            update.setObject(2, jobId);
            update.executeUpdate();
        }
    }

    long exportedPages(UUID jobId) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement select =
                        connection.prepareStatement("SELECT count(*) FROM exported_pages WHERE job_id = ?")) {
            select.setObject(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
