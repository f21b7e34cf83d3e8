package io.simplecrawler.gateway.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A webhook whose host name resolves to a denied address passes submission (only the sender
 * resolves names) and gets no request at delivery, while a receiver on an allowed address does.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookNetworkGuardTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.plus(Map.of("simplecrawler.allowed-networks", "127.0.0.2/32"));
    }

    @Test
    void aReceiverWhoseNameResolvesToADeniedAddressGetsNoRequest() {
        try (WebhookReceiver internal = new WebhookReceiver(0);
                WebhookReceiver allowed = new WebhookReceiver(0, "127.0.0.2")) {
            UUID denied = submit("http://localhost:" + internal.port() + "/hook");
            UUID delivered = submit(allowed.url());

            JobEvents.publish(
                    new JobEvent.Started(denied, Instant.now()), new JobEvent.Started(delivered, Instant.now()));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> allowed.received().size() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> internal.received()
                    .isEmpty());
            assertEquals(List.of(), internal.received());
        }
    }

    private UUID submit(String webhookUrl) {
        Map<?, ?> job = http.toBlocking()
                .retrieve(
                        HttpRequest.POST(
                                "/crawl", Map.of("url", "http://example.test/", "webhook", Map.of("url", webhookUrl))),
                        Map.class);
        return UUID.fromString((String) job.get("id"));
    }
}
