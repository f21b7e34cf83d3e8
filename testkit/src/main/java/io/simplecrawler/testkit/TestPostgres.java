package io.simplecrawler.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One Postgres server per JVM for tests, started on first use and stopped by a shutdown hook.
 *
 * <p>If the environment variable {@code POSTGRES_URL} is set, that server is used (with {@code
 * POSTGRES_USER} and {@code POSTGRES_PASSWORD}); otherwise an embedded Postgres is started.
 * Use {@link #newDatabase()} to isolate a test class from the others.
 */
public final class TestPostgres {
    private TestPostgres() {}

    /** The JDBC URL of the server's default database. */
    public static String jdbcUrl() {
        return Holder.SERVER.jdbcUrl();
    }

    /** The user name for {@link #jdbcUrl()} and every {@link #newDatabase()}. */
    public static String username() {
        return Holder.SERVER.username();
    }

    /** The password for {@link #username()}. */
    public static String password() {
        return Holder.SERVER.password();
    }

    /**
     * Creates a new empty database with a unique name on the same server.
     *
     * @return its JDBC URL (same user and password)
     */
    public static String newDatabase() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return JdbcUrls.withDatabase(jdbcUrl(), name);
    }

    private record Server(String jdbcUrl, String username, String password) {}

    private static final class Holder {
        static final Server SERVER = start();
    }

    private static Server start() {
        String url = System.getenv("POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            return new Server(
                    url, envOr("POSTGRES_USER", "simplecrawler"), envOr("POSTGRES_PASSWORD", "simplecrawler"));
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "test-postgres-stop"));
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded Postgres", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is exiting; the temp data directory is all that is left behind
        }
    }
}
