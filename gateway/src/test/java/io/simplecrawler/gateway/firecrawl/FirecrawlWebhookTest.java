package io.simplecrawler.gateway.firecrawl;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.gateway.job.JobRepository;
import io.simplecrawler.gateway.webhook.JobEvents;
import io.simplecrawler.gateway.webhook.WebhookReceiver;
import io.simplecrawler.gateway.webhook.WebhookSigner;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The webhook of a crawl made through the Firecrawl API: stored in Firecrawl's dialect, its
 * events delivered in Firecrawl's shape from job events on a real broker and documents from the
 * job's journal, signed with the Firecrawl secret, through the native delivery's retries and
 * give-up.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirecrawlWebhookTest implements TestPropertyProvider {
    private static final String SECRET = "firecrawl-secret";
    private final Path resultsDir = GatewayTestProperties.newResultsDir();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JobRepository jobs;

    @Override
    public Map<String, String> getProperties() {
        var properties = new java.util.HashMap<>(GatewayTestProperties.with(resultsDir));
        properties.put("gateway.firecrawl.webhook-secret", SECRET);
        properties.put("gateway.webhooks.first-retry-delay", "50ms");
        properties.put("gateway.webhooks.max-attempts", "3");
        return properties;
    }

    @Test
    void aCrawlsEventsArriveInFirecrawlsShapeWithItsHeadersMetadataAndSignature() throws IOException {
        try (WebhookReceiver receiver = new WebhookReceiver(1)) {
            UUID id = start(
                    "/v2/crawl",
                    "{\"url\": \"http://example.test/\", \"webhook\": {\"url\": \"" + receiver.url()
                            + "\", \"headers\": {\"X-Team\": \"blue\"}, \"metadata\": {\"run\": \"42\"}}}");
            String stored = jobs.findById(id).orElseThrow().webhook();
            assertTrue(stored.contains("\"dialect\":\"firecrawl\""), stored);
            assertTrue(
                    stored.contains("\"events\":[\"started\",\"page\",\"completed\",\"failed\",\"cancelled\"]"),
                    stored);

            PageRecord home = PageRecord.of(id, "http://example.test/", 0, FetchOutcome.FETCHED)
                    .finalUrl("http://example.test/")
                    .status(200)
                    .contentType("text/html")
                    .title("Home")
                    .markdown("# Home")
                    .links(List.of("http://example.test/a"))
                    .build();
            PageRecord missing = PageRecord.of(id, "http://example.test/a", 1, FetchOutcome.FAILED)
                    .status(404)
                    .error("HTTP 404")
                    .build();
            journal(id, home, missing);
            Instant at = Instant.now();
            JobEvents.publish(
                    new JobEvent.Started(id, at),
                    new JobEvent.PageWritten(id, home.url(), null, at.plusMillis(1)),
                    new JobEvent.PageWritten(id, missing.url(), "HTTP 404", at.plusMillis(2)),
                    new JobEvent.Completed(id, 2, 1, 1, at.plusMillis(3)));

            List<WebhookReceiver.Received> delivered = delivered(receiver, 4);
            List<Map<String, Object>> bodies =
                    delivered.stream().map(r -> json(r.body())).toList();
            assertEquals(
                    List.of("crawl.started", "crawl.page", "crawl.page", "crawl.completed"),
                    bodies.stream().map(b -> b.get("type")).toList());
            for (Map<String, Object> body : bodies) {
                assertEquals(id.toString(), body.get("id"));
                assertEquals(Map.of("run", "42"), body.get("metadata"));
            }
            assertEquals(
                    4, bodies.stream().map(b -> b.get("webhookId")).distinct().count());
            assertEquals(true, bodies.get(0).get("success"));
            assertEquals(List.of(), bodies.get(0).get("data"));

            assertEquals(true, bodies.get(1).get("success"));
            Map<?, ?> document = (Map<?, ?>) ((List<?>) bodies.get(1).get("data")).get(0);
            assertEquals("# Home", document.get("markdown"));
            assertEquals("http://example.test/", ((Map<?, ?>) document.get("metadata")).get("sourceURL"));
            assertEquals(200, ((Map<?, ?>) document.get("metadata")).get("statusCode"));
            assertNull(bodies.get(1).get("error"));

            assertEquals(false, bodies.get(2).get("success"));
            assertEquals("HTTP 404", bodies.get(2).get("error"));
            assertEquals(List.of(), bodies.get(2).get("data"));

            for (WebhookReceiver.Received r : receiver.received()) {
                assertEquals(
                        WebhookSigner.signature(SECRET, r.body().getBytes(StandardCharsets.UTF_8)),
                        r.header(FirecrawlWebhooks.SIGNATURE_HEADER));
                assertNull(r.signature(), "not the native header");
                assertEquals("blue", r.header("X-Team"));
                assertTrue(
                        r.header("Content-Type").startsWith("application/json"),
                        r.headers().toString());
            }
            assertEquals(
                    receiver.received().get(0).body(),
                    receiver.received().get(1).body(),
                    "the retried delivery carries the same webhookId and body");
        }
    }

    @Test
    void aFailedCrawlIsCrawlFailedAndACancelledOneCrawlCompletedAsAtFirecrawl() {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            UUID failed =
                    start("/v1/crawl", "{\"url\": \"http://example.test/\", \"webhook\": \"" + receiver.url() + "\"}");
            UUID cancelled = start(
                    "/v2/crawl",
                    "{\"url\": \"http://example.test/\", \"webhook\": {\"url\": \"" + receiver.url()
                            + "\", \"events\": [\"completed\", \"failed\"]}}");
            Instant at = Instant.now();
            JobEvents.publish(
                    new JobEvent.Started(cancelled, at),
                    new JobEvent.Failed(failed, "results cannot be written: No space left on device", at),
                    new JobEvent.Cancelled(cancelled, at.plusMillis(1)));

            List<Map<String, Object>> bodies =
                    delivered(receiver, 2).stream().map(r -> json(r.body())).toList();
            Map<String, Object> failure = bodies.stream()
                    .filter(b -> b.get("id").equals(failed.toString()))
                    .findFirst()
                    .orElseThrow();
            assertEquals("crawl.failed", failure.get("type"));
            assertEquals(false, failure.get("success"));
            assertEquals("results cannot be written: No space left on device", failure.get("error"));
            Map<String, Object> end = bodies.stream()
                    .filter(b -> b.get("id").equals(cancelled.toString()))
                    .findFirst()
                    .orElseThrow();
            assertEquals("crawl.completed", end.get("type"), "started was not subscribed to");
            assertEquals(true, end.get("success"));
            assertFalse(end.containsKey("error"));
        }
    }

    @Test
    void aReceiverThatAnswers500IsGivenUpAfterTheRetriesAndTheOutcomeIsShown() {
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE, "127.0.0.1", Duration.ZERO, 500)) {
            UUID id =
                    start("/v2/crawl", "{\"url\": \"http://example.test/\", \"webhook\": \"" + receiver.url() + "\"}");
            JobEvents.publish(new JobEvent.Started(id, Instant.now()));

            Map<?, ?> outcome = (Map<?, ?>) await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> http.toBlocking()
                                    .retrieve(HttpRequest.GET("/jobs/" + id), Map.class)
                                    .get("webhook"),
                            w -> ((Number) ((Map<?, ?>) w).get("failed")).intValue() == 1);
            assertEquals(3, receiver.received().size(), "max-attempts POSTs, then given up");
            assertEquals("started event: given up after 3 attempts: HTTP 500", outcome.get("lastError"));
        }
    }

    private static List<WebhookReceiver.Received> delivered(WebhookReceiver receiver, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> receiver.received().stream()
                                .filter(r -> r.status() == 204)
                                .toList(),
                        l -> l.size() >= count);
    }

    private UUID start(String path, String body) {
        return FirecrawlTestJobs.start(http, path, body);
    }

    private void journal(UUID id, PageRecord... pages) throws IOException {
        FirecrawlTestJobs.journal(resultsDir, id, pages);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return EventJson.read(body.getBytes(StandardCharsets.UTF_8), Map.class);
    }
}
