package io.simplecrawler.gateway.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import io.simplecrawler.broker.TopicCreator;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.crawlstate.TasksHeld;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.PrometheusText;
import io.simplecrawler.testkit.TestKafka;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Health, stats, the OpenAPI document and Swagger UI, and the problem bodies of malformed requests. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsEndpointsTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.with(GatewayTestProperties.newResultsDir());
    }

    @Test
    void healthNamesEachComponent() {
        Map<?, ?> health = http.toBlocking().retrieve("/health", Map.class);
        assertEquals("UP", health.get("status"));
        assertEquals("open", health.get("auth"), "no API keys configured: open single-user mode");
        Map<?, ?> components = (Map<?, ?>) health.get("components");
        for (String component : List.of("db", "kafka", "redis")) {
            assertEquals("UP", ((Map<?, ?>) components.get(component)).get("status"), component);
        }
    }

    /** The tasks held are read from Redis: while it does not answer, the job is still shown, without them. */
    @Test
    void aJobIsShownWithoutItsTasksHeldWhileRedisDoesNotAnswer() {
        Map<?, ?> job = http.toBlocking()
                .retrieve(HttpRequest.POST("/crawl", Map.of("url", "http://example.test/paused")), Map.class);
        redis.sync().clientPause(4_000);
        try {
            Map<?, ?> view = http.toBlocking().retrieve("/jobs/" + job.get("id"), Map.class);
            assertEquals("pending", view.get("status"), view.toString());
            assertEquals(null, view.get("tasksHeld"), "unknown while Redis does not answer");
        } finally {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "PONG"
                    .equals(redis.sync().ping()));
        }
    }

    @Test
    void statsAndTheJobShowAStalledJobAndWhereItsWorkSits() {
        Map<?, ?> job = http.toBlocking()
                .retrieve(HttpRequest.POST("/crawl", Map.of("url", "http://example.test/")), Map.class);
        UUID jobId = UUID.fromString((String) job.get("id"));
        // as two fetchers report the tasks of the job they hold
        Instant settledAt = Instant.parse("2026-01-02T03:04:05Z");
        for (TasksHeld held :
                List.of(new TasksHeld("17@fetcher-a", 3, settledAt), new TasksHeld("18@fetcher-b", 2, null))) {
            redis.sync()
                    .hset(
                            JobKeys.tasksHeld(jobId),
                            held.fetcher(),
                            new String(EventJson.write(held), StandardCharsets.UTF_8));
        }
        Map<?, ?> running = http.toBlocking().retrieve("/jobs/" + jobId, Map.class);
        assertEquals(5, running.get("tasksHeld"), running.toString());
        assertEquals(null, running.get("consumerLag"), "lag is shown once the job is stalled");
        // as the exporter's watchdog marks a job that has written no page for a while
        transactions.executeWrite(status -> {
            try (PreparedStatement update =
                    status.getConnection().prepareStatement("UPDATE jobs SET stalled_since = now() WHERE id = ?")) {
                update.setObject(1, UUID.fromString((String) job.get("id")));
                return update.executeUpdate();
            }
        });
        Map<?, ?> stats = http.toBlocking().retrieve("/stats", Map.class);
        assertTrue(((Number) ((Map<?, ?>) stats.get("jobs")).get("pending")).intValue() >= 1, stats.toString());
        assertTrue(((Number) stats.get("stalledJobs")).intValue() >= 1, stats.toString());
        Map<?, ?> view = http.toBlocking().retrieve("/jobs/" + job.get("id"), Map.class);
        assertEquals(true, view.get("stalled"), view.toString());
        assertNotNull(view.get("stalledSince"), view.toString());
        assertEquals(5, view.get("tasksHeld"), view.toString());
        List<?> heldBy = (List<?>) view.get("heldBy");
        assertEquals(
                Map.of("fetcher", "17@fetcher-a", "tasks", 3, "lastSettledAt", settledAt.toString()), heldBy.get(0));
        assertTrue(view.get("consumerLag") instanceof Map, view.toString());
        assertTrue(
                ((List<?>) stats.get("stalled"))
                        .stream().anyMatch(stalled -> jobId.toString().equals(((Map<?, ?>) stalled).get("id"))),
                stats.toString());
        assertTrue(stats.keySet().containsAll(List.of("pagesCrawled", "pagesFailed", "pagesPerSecond", "consumerLag")));
    }

    /** Jobs by status, refreshed from Postgres every 15 s (the first time a second after start-up). */
    @Test
    void thePrometheusEndpointCountsJobsByStatusAndWebhookDeliveries() {
        http.toBlocking().retrieve(HttpRequest.POST("/crawl", Map.of("url", "http://example.test/counted")), Map.class);
        long pending = ((Number) ((Map<?, ?>)
                                http.toBlocking().retrieve("/stats", Map.class).get("jobs"))
                        .get("pending"))
                .longValue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = http.toBlocking().retrieve("/management/prometheus");
            assertTrue(metrics.contains("simplecrawler_gateway_jobs{status=\"pending\"} " + pending + ".0"), metrics);
            assertTrue(metrics.contains("simplecrawler_gateway_jobs{status=\"cancelled\"} "), metrics);
            assertTrue(
                    metrics.contains("simplecrawler_gateway_webhook_deliveries_total{outcome=\"given_up\"} "), metrics);
        });
    }

    /** Lag per group and partition, of every group of the pipeline and of the analytics. */
    @Test
    void thePrometheusEndpointShowsTheLagOfEachGroupAndPartition() throws Exception {
        TopicPartition partition = new TopicPartition(Topics.PAGES, 5);
        String kafka = TestKafka.bootstrapServers();
        TopicCreator.createMissing(kafka, name -> null);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
                KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                        new StringSerializer(),
                        new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), "lag", "{}"))
                        .get();
            }
            // as an analytics instance that has read nothing of the partition yet
            admin.alterConsumerGroupOffsets("analytics", Map.of(partition, new OffsetAndMetadata(0)))
                    .all()
                    .get();
        }
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            String metrics = http.toBlocking().retrieve("/management/prometheus");
            assertTrue(
                    PrometheusText.sum(
                                    metrics,
                                    "simplecrawler_broker_consumer_lag_records",
                                    "group=\"analytics\"",
                                    "topic=\"crawl.pages\"",
                                    "partition=\"5\"")
                            >= 3,
                    metrics);
        });
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointAndSwaggerUiServesIt() {
        String openApi = http.toBlocking().retrieve("/openapi.yml");
        for (String path : List.of(
                "/crawl:",
                "/jobs:",
                "/jobs/{id}:",
                "/jobs/{id}/results:",
                "/jobs/{id}/events:",
                "/jobs/{id}/cancel:",
                "/download/{id}/{file}:",
                "/health:",
                "/stats:",
                "/docs:",
                "/openapi.yml:")) {
            assertTrue(openApi.contains("\n  " + path), path + " in the OpenAPI document");
        }
        assertTrue(openApi.contains("delete:"), "DELETE /jobs/{id}");
        assertTrue(openApi.contains("CrawlRequest"));

        HttpResponse<String> docs = http.toBlocking().exchange("/docs", String.class);
        assertTrue(docs.getContentType().orElseThrow().toString().startsWith("text/html"));
        assertTrue(docs.body().contains("/openapi.yml"));
        assertEquals(
                HttpStatus.OK,
                http.toBlocking()
                        .exchange("/swagger-ui/res/swagger-ui-bundle.js", byte[].class)
                        .status());
    }

    @Test
    void malformedJsonIsAProblemNotA500() {
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/crawl", "{\"url\": ").contentType(MediaType.APPLICATION_JSON_TYPE)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals(
                "application/problem+json",
                e.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void aBodyTooLargeIsRefused() {
        String huge = "{\"url\": \"http://example.test/" + "a".repeat(100_000) + "\"}";
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/crawl", huge).contentType(MediaType.APPLICATION_JSON_TYPE)));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getStatus());
        assertEquals(
                "application/problem+json",
                e.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void unknownPathsAndWrongMethodsAreProblems() {
        var notFound = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().exchange("/nowhere"));
        assertEquals(HttpStatus.NOT_FOUND, notFound.getStatus());
        assertEquals(
                "application/problem+json",
                notFound.getResponse().getContentType().orElseThrow().toString());
        var method = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.PUT("/crawl", "{}")));
        assertEquals(HttpStatus.METHOD_NOT_ALLOWED, method.getStatus());
    }
}
