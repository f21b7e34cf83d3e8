package io.simplecrawler.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The local stack's store JVM: hosts an embedded Postgres and/or an embedded Redis on 127.0.0.1,
 * with their data under {@code stores.data}, until it gets SIGTERM.
 *
 * <p>System properties: {@code stores.data} (folder), {@code stores.postgres.port} with {@code
 * stores.postgres.database}, {@code stores.postgres.user}, {@code stores.postgres.password} (no
 * Postgres when the port is absent), {@code stores.redis.port} (no Redis when absent).
 */
public final class LocalStores {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStores.class);

    private LocalStores() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("stores.data"));
        Integer postgresPort = Integer.getInteger("stores.postgres.port");
        Integer redisPort = Integer.getInteger("stores.redis.port");
        if (postgresPort != null) {
            startPostgres(
                    data.resolve("postgres"),
                    postgresPort,
                    System.getProperty("stores.postgres.database"),
                    System.getProperty("stores.postgres.user"),
                    System.getProperty("stores.postgres.password"));
        }
        if (redisPort != null) {
            startRedis(data.resolve("redis"), redisPort);
        }
        LOG.info("stores ready");
        new CountDownLatch(1).await();
    }

    private static void startPostgres(Path dir, int port, String database, String user, String password)
            throws IOException, SQLException {
        Files.createDirectories(dir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // the jobs tables are small; the default 128 MB of shared buffers was a quarter of the stack's memory
                .setServerConfig("shared_buffers", "32MB")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            ensureRoleAndDatabase(connection, database, user, password);
        }
        LOG.info("Postgres on 127.0.0.1:{}, database {} owned by {}, data in {}", port, database, user, dir);
    }

    private static void ensureRoleAndDatabase(Connection connection, String database, String user, String password)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                statement.execute("CREATE ROLE " + identifier(user) + " LOGIN PASSWORD " + literal(password));
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute("CREATE DATABASE " + identifier(database) + " OWNER " + identifier(user));
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void startRedis(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        RedisServer redis = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + dir)
                .setting("appendonly yes")
                .build();
        redis.start();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                redis.stop();
                            } catch (IOException e) {
                                LOG.warn("could not stop Redis", e);
                            }
                        },
                        "stores-redis-stop"));
        LOG.info("Redis on 127.0.0.1:{}, data in {}", port, dir);
    }
}
