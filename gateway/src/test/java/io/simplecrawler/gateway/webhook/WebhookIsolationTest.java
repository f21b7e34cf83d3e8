package io.simplecrawler.gateway.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.schemas.JobEvent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A dead receiver (answering after the sender's timeout, every time) holds up only its own job:
 * another job's events arrive within seconds, and the dead one's deliveries end given up, with
 * the reason on the job.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIsolationTest implements TestPropertyProvider {
    private static final int DEAD_EVENTS = 8;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.plus(Map.of(
                "gateway.webhooks.timeout", "700ms",
                "gateway.webhooks.max-attempts", "2",
                "gateway.webhooks.first-retry-delay", "50ms"));
    }

    @Test
    void aDeadReceiverNeverDelaysAnotherJobsDeliveriesAndEndsGivenUpWithTheReasonOnTheJob() {
        try (WebhookReceiver dead = new WebhookReceiver(0, "127.0.0.1", Duration.ofSeconds(3));
                WebhookReceiver alive = new WebhookReceiver(0)) {
            UUID a = submit(dead);
            UUID b = submit(alive);
            Instant at = Instant.parse("2026-12-04T20:00:00Z");
            JobEvents.publish(IntStream.range(0, DEAD_EVENTS)
                    .mapToObj(i -> page(a, "http://example.test/" + i, at.plusMillis(i)))
                    .toArray(JobEvent[]::new));
            await().atMost(Duration.ofSeconds(30)).until(() -> dead.arrived() > 0);

            Instant published = Instant.now();
            JobEvents.publish(
                    page(b, "http://example.test/b", at), new JobEvent.Completed(b, 1, 1, 0, at.plusMillis(1)));
            await().atMost(Duration.ofSeconds(5)).until(() -> alive.received().size() == 2);
            assertTrue(
                    Duration.between(published, Instant.now()).toSeconds() < 5,
                    "job B's deliveries did not wait for job A's dead receiver (~" + DEAD_EVENTS * 1.5
                            + " s of timeouts)");

            Map<?, ?> webhookA = await().atMost(Duration.ofSeconds(60))
                    .until(() -> webhook(a), w -> ((Number) w.get("failed")).intValue() == DEAD_EVENTS);
            assertEquals(0, ((Number) webhookA.get("delivered")).intValue());
            assertTrue(((String) webhookA.get("lastError")).contains("given up after 2 attempts"), webhookA.toString());
            assertTrue(((String) webhookA.get("lastError")).contains("Timeout"), webhookA.toString());
            Map<?, ?> webhookB = await().atMost(Duration.ofSeconds(10))
                    .until(() -> webhook(b), w -> ((Number) w.get("delivered")).intValue() == 2);
            assertEquals(0, ((Number) webhookB.get("failed")).intValue());
        }
    }

    private UUID submit(WebhookReceiver receiver) {
        Map<?, ?> job = http.toBlocking()
                .retrieve(
                        HttpRequest.POST(
                                "/crawl",
                                Map.of(
                                        "url",
                                        "http://example.test/",
                                        "webhook",
                                        Map.of("url", receiver.url(), "events", List.of("page", "completed")))),
                        Map.class);
        return UUID.fromString((String) job.get("id"));
    }

    private Map<?, ?> webhook(UUID job) {
        return (Map<?, ?>) http.toBlocking().retrieve("/jobs/" + job, Map.class).get("webhook");
    }

    static JobEvent page(UUID id, String url, Instant at) {
        return new JobEvent.PageWritten(id, url, null, at);
    }
}
