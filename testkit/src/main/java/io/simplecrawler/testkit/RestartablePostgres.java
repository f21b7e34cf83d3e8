package io.simplecrawler.testkit;

import io.simplecrawler.localstack.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded Postgres that a test can stop and start again on the same port with the same data,
 * as a database restart in production: {@link TestPostgres}'s server is shared by every test of
 * the JVM and must stay up. One database, {@code simplecrawler}, owned by {@code postgres}.
 *
 * <pre>{@code
 * try (RestartablePostgres postgres = RestartablePostgres.start(runDir.resolve("postgres"))) {
 *     ... env POSTGRES_URL = postgres.jdbcUrl() ...
 *     postgres.stop(); ... postgres.start();
 * }
 * }</pre>
 */
public final class RestartablePostgres implements AutoCloseable {
    private static final String DATABASE = "simplecrawler";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Initialises a data folder, starts the server on a free port and creates the database. */
    public static RestartablePostgres start(Path dataDir) {
        RestartablePostgres postgres = new RestartablePostgres(dataDir, FreePorts.next());
        postgres.startAgain();
        try (Connection connection = postgres.server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "restartable-postgres-stop"));
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /** Stops the server (fast shutdown: open connections are cut); the data stays. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop Postgres", e);
            } finally {
                server = null;
            }
        }
    }

    /** Starts the server again on the same port and data, and waits until it accepts connections. */
    public synchronized void startAgain() {
        if (server != null) {
            throw new IllegalStateException("Postgres already runs on port " + port);
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Postgres on port " + port, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
