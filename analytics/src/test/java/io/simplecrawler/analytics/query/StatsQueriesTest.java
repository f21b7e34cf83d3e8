package io.simplecrawler.analytics.query;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.PrometheusText;
import io.simplecrawler.testkit.TestKafka;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The service on a real broker: what it counted, read back from its stores over HTTP. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsQueriesTest implements TestPropertyProvider {
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of(
                    "kafka.bootstrap.servers",
                    TestKafka.bootstrapServers(),
                    "analytics.application-id",
                    "analytics-queries-" + UUID.randomUUID(),
                    "analytics.advertised-host",
                    "127.0.0.1",
                    "analytics.state-dir",
                    Files.createTempDirectory("analytics-state").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void answersAJobsStatisticsAndTheTopHostsFromItsStores() {
        UUID job = UUID.randomUUID();
        String host = "queries-" + job + ".test";
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 3; i++) {
                PageRecord page = PageRecord.of(job, "http://" + host + "/" + i, 1, FetchOutcome.FETCHED)
                        .status(200)
                        .fetchMs(10 + i)
                        .bytes(100)
                        .build();
                producer.send(new ProducerRecord<>(Topics.PAGES, job.toString(), EventJson.write(page)));
                if (i == 0) {
                    producer.send(new ProducerRecord<>(Topics.PAGES, job.toString(), EventJson.write(page)));
                }
            }
            producer.send(
                    new ProducerRecord<>(Topics.PAGES, job.toString(), "not a page".getBytes(StandardCharsets.UTF_8)));
        }

        await().atMost(DEADLINE)
                .ignoreExceptions()
                .untilAsserted(() -> assertEquals(
                        3,
                        http.toBlocking()
                                .retrieve("/jobs/" + job + "/stats", Map.class)
                                .get("pages")));
        Map<?, ?> stats = http.toBlocking().retrieve("/jobs/" + job + "/stats", Map.class);
        assertEquals(300, stats.get("bytes"));
        assertEquals(11, stats.get("fetchMsP50"));

        await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() -> {
            List<?> hosts = (List<?>) http.toBlocking()
                    .retrieve("/stats/hosts?top=1000", Map.class)
                    .get("hosts");
            assertEquals(
                    3,
                    hosts.stream()
                            .map(Map.class::cast)
                            .filter(h -> host.equals(h.get("host")))
                            .findFirst()
                            .orElseThrow()
                            .get("pages"));
        });
        // the page counted once, its duplicate dropped, the unreadable record dead-lettered
        await().atMost(DEADLINE).untilAsserted(() -> {
            String metrics = http.toBlocking().retrieve("/prometheus");
            assertTrue(PrometheusText.sum(metrics, "simplecrawler_analytics_pages_counted_total") >= 3, metrics);
            assertTrue(PrometheusText.sum(metrics, "simplecrawler_analytics_pages_duplicate_total") >= 1, metrics);
            assertTrue(
                    PrometheusText.sum(
                                    metrics,
                                    "simplecrawler_dlq_records_total",
                                    "topic=\"crawl.pages\"",
                                    "reason=\"invalid_record\"")
                            >= 1,
                    metrics);
            assertTrue(PrometheusText.sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"") > 0, metrics);
            assertTrue(PrometheusText.sum(metrics, "jvm_gc_pause_seconds_count") > 0, metrics);
        });
        var missing = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve("/jobs/" + UUID.randomUUID() + "/stats"));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
