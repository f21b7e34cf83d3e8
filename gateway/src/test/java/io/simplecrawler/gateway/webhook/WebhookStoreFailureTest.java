package io.simplecrawler.gateway.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.localstack.FreePorts;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.testkit.TestPostgres;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.embedded.RedisServer;

/** Postgres or Redis failing while events are delivered: every delivery still arrives and is counted. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookStoreFailureTest implements TestPropertyProvider {
    private final int redisPort = FreePorts.next();
    private final RedisServer redis = startRedis();
    private String database;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = GatewayTestProperties.plus(
                Map.of("gateway.webhooks.first-retry-delay", "200ms", "redis.uri", "redis://127.0.0.1:" + redisPort));
        database = properties.get("datasources.default.url");
        return properties;
    }

    @AfterAll
    void stopRedis() throws IOException {
        if (redis.isActive()) {
            redis.stop();
        }
    }

    @Test
    void whilePostgresFailsDeliveriesWaitAndThenArrive() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            UUID id = submit(receiver);
            sql("ALTER TABLE jobs RENAME TO jobs_away");
            try {
                publishPageAndCompleted(id);
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(4))
                        .until(() -> receiver.received().isEmpty());
            } finally {
                sql("ALTER TABLE jobs_away RENAME TO jobs");
            }

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().size() == 2);
            assertEquals(2, delivered(id));
        }
    }

    @Test
    void whileRedisIsDownDeliveriesStillArrive() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            UUID id = submit(receiver);
            redis.stop();
            try {
                publishPageAndCompleted(id);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.received().size() == 2);
                assertEquals(
                        List.of("page", "completed"),
                        receiver.received().stream()
                                .map(r -> r.body().replaceAll(".*\"type\":\"([a-z]+)\".*", "$1"))
                                .toList());
                assertEquals(2, delivered(id));
            } finally {
                redis.start();
            }
        }
    }

    private UUID submit(WebhookReceiver receiver) {
        Map<?, ?> job = http.toBlocking()
                .retrieve(
                        HttpRequest.POST(
                                "/crawl",
                                Map.of("url", "http://example.test/", "webhook", Map.of("url", receiver.url()))),
                        Map.class);
        return UUID.fromString((String) job.get("id"));
    }

    private static void publishPageAndCompleted(UUID id) {
        Instant at = Instant.parse("2026-12-04T20:00:00Z");
        JobEvents.publish(
                WebhookIsolationTest.page(id, "http://example.test/", at),
                new JobEvent.Completed(id, 1, 1, 0, at.plusMillis(1)));
    }

    private int delivered(UUID id) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> ((Number) ((Map<?, ?>) http.toBlocking()
                                                .retrieve(HttpRequest.GET("/jobs/" + id), Map.class)
                                                .get("webhook"))
                                        .get("delivered"))
                                .intValue(),
                        n -> n == 2);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection =
                DriverManager.getConnection(database, TestPostgres.username(), TestPostgres.password())) {
            connection.createStatement().execute(statement);
        }
    }

    private RedisServer startRedis() {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(redisPort)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
