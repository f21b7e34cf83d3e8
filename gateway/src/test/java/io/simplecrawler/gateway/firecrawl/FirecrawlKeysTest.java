package io.simplecrawler.gateway.firecrawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Firecrawl routes take the native API's keys, ownership and per-key limits, and answer their refusals in Firecrawl's shape. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirecrawlKeysTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.plus(Map.of(
                "simplecrawler.api-keys", "alice:alice-key,bob:bob-key",
                "gateway.limits.open-jobs", "2"));
    }

    @Test
    void withoutAKeyTheAnswerIs401WithFirecrawlsErrorShape() {
        // the v1 SDK sends "Bearer " with an empty key when it has none
        for (MutableHttpRequest<?> request : List.of(
                HttpRequest.POST("/v2/crawl", Map.of("url", "http://example.test/")),
                HttpRequest.GET("/v1/crawl/active").header("Authorization", "Bearer "))) {
            var refused = assertThrows(
                    HttpClientResponseException.class, () -> http.toBlocking().exchange(request, Map.class));

            assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
            Map<?, ?> answer = refused.getResponse().getBody(Map.class).orElseThrow();
            assertEquals(false, answer.get("success"));
            assertTrue(((String) answer.get("error")).startsWith("An API key is required"), answer.toString());
        }
    }

    @Test
    void aCrawlBelongsToItsKeyAndTheKeysOpenJobLimitHolds() {
        String id = (String) http.toBlocking()
                .retrieve(
                        HttpRequest.POST("/v2/crawl", Map.of("url", "http://example.test/alice"))
                                .bearerAuth("alice-key"),
                        Map.class)
                .get("id");
        http.toBlocking()
                .retrieve(
                        HttpRequest.POST("/v1/crawl", Map.of("url", "http://example.test/alice2"))
                                .bearerAuth("alice-key"),
                        Map.class);

        assertEquals(
                "scraping",
                http.toBlocking()
                        .retrieve(HttpRequest.GET("/v2/crawl/" + id).bearerAuth("alice-key"), Map.class)
                        .get("status"));
        var hidden = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/v2/crawl/" + id).bearerAuth("bob-key"), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, hidden.getStatus());
        assertEquals(
                List.of(),
                http.toBlocking()
                        .retrieve(HttpRequest.GET("/v2/crawl/active").bearerAuth("bob-key"), Map.class)
                        .get("crawls"));
        List<?> alices = (List<?>) http.toBlocking()
                .retrieve(HttpRequest.GET("/v2/crawl/active").bearerAuth("alice-key"), Map.class)
                .get("crawls");
        assertEquals(2, alices.size());
        assertEquals("alice", ((Map<?, ?>) alices.get(0)).get("teamId"));
        var limited = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(
                        HttpRequest.POST("/v2/crawl", Map.of("url", "http://example.test/alice3"))
                                .bearerAuth("alice-key"),
                        Map.class));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, limited.getStatus());
        assertEquals(
                Map.of("success", false, "error", "key alice already has 2 jobs pending or running"),
                limited.getResponse().getBody(Map.class).orElseThrow());
    }
}
