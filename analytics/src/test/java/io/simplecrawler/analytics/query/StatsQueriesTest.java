package io.simplecrawler.analytics.query;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import io.simplecrawler.testkit.TestKafka;
import jakarta.inject.Inject;
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
            }
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
