package io.simplecrawler.exporter;

import io.simplecrawler.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The test's database refuses every connection, and the open ones are cut, as in a Postgres
 * outage or restart, until {@link #close()}. The server and its other databases stay up.
 */
final class DatabaseOutage implements AutoCloseable {
    private final String database;

    private DatabaseOutage(String database) {
        this.database = database;
    }

    static DatabaseOutage begin(String databaseUrl) throws SQLException {
        String database;
        try (Connection connection =
                        DriverManager.getConnection(databaseUrl, TestPostgres.username(), TestPostgres.password());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_database()")) {
            row.next();
            database = row.getString(1);
        }
        DatabaseOutage outage = new DatabaseOutage(database);
        outage.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        outage.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        return outage;
    }

    @Override
    public void close() throws SQLException {
        execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }

    /** Runs on the server's default database, which stays reachable. */
    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        TestPostgres.jdbcUrl(), TestPostgres.username(), TestPostgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
