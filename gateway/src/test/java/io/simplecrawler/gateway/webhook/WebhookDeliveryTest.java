package io.simplecrawler.gateway.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobEvent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Job events on a real broker become signed webhook POSTs to a receiver on 127.0.0.1. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.plus(Map.of("gateway.webhooks.first-retry-delay", "50ms"));
    }

    @Test
    void eventsAreDeliveredSignedInOrderRetriedAndTerminatedOnce() {
        try (WebhookReceiver receiver = new WebhookReceiver(2)) {
            Map<?, ?> job = http.toBlocking()
                    .retrieve(
                            HttpRequest.POST(
                                    "/crawl",
                                    Map.of(
                                            "url",
                                            "http://example.test/",
                                            "webhook",
                                            Map.of(
                                                    "url",
                                                    receiver.url(),
                                                    "secret",
                                                    "s3cret",
                                                    "events",
                                                    List.of("page", "completed", "cancelled")))),
                            Map.class);
            UUID id = UUID.fromString((String) job.get("id"));
            Map<?, ?> webhook = (Map<?, ?>) job.get("webhook");
            assertEquals(receiver.url(), webhook.get("url"));
            assertEquals(List.of("page", "completed", "cancelled"), webhook.get("events"));
            assertFalse(webhook.containsKey("secret"));
            assertFalse(http.toBlocking().retrieve("/jobs/" + id).contains("s3cret"), "the secret is never shown");

            Instant at = Instant.parse("2026-11-29T20:00:00Z");
            JobEvents.publish(
                    new JobEvent.Started(id, at),
                    page(id, "http://example.test/", at.plusMillis(1)),
                    page(id, "http://example.test/a", at.plusMillis(2)),
                    new JobEvent.Completed(id, 2, 2, 0, at.plusMillis(3)),
                    new JobEvent.Cancelled(id, at.plusMillis(4)));

            List<WebhookReceiver.Received> delivered = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> receiver.received().stream()
                                    .filter(r -> r.status() == 204)
                                    .toList(),
                            l -> l.size() >= 3);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.received().stream()
                                    .filter(r -> r.status() == 204)
                                    .count()
                            == 3);

            assertEquals(5, receiver.received().size(), "two 503s retried, then three deliveries");
            List<Map<String, Object>> bodies =
                    delivered.stream().map(r -> json(r.body())).toList();
            assertEquals(
                    List.of("page", "page", "completed"),
                    bodies.stream().map(b -> b.get("type")).toList(),
                    "in order, only the subscribed types, one terminal event");
            assertEquals("http://example.test/a", ((Map<?, ?>) bodies.get(1).get("data")).get("url"));
            for (WebhookReceiver.Received r : receiver.received()) {
                assertEquals(
                        WebhookSigner.signature("s3cret", r.body().getBytes(StandardCharsets.UTF_8)), r.signature());
            }
            assertEquals(
                    receiver.received().get(0).body(),
                    receiver.received().get(2).body(),
                    "a retried delivery carries the same id and body");
            assertTrue(bodies.stream().map(b -> b.get("id")).distinct().count() == 3);
            Map<?, ?> outcome = (Map<?, ?>) await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> http.toBlocking()
                                    .retrieve(HttpRequest.GET("/jobs/" + id), Map.class)
                                    .get("webhook"),
                            w -> ((Number) ((Map<?, ?>) w).get("delivered")).intValue() == 3);
            assertEquals(
                    0,
                    ((Number) outcome.get("failed")).intValue(),
                    "503s that were retried and then accepted are not failures");
        }
    }

    private static JobEvent page(UUID id, String url, Instant at) {
        return new JobEvent.PageWritten(id, url, null, at);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return EventJson.read(body.getBytes(StandardCharsets.UTF_8), Map.class);
    }
}
