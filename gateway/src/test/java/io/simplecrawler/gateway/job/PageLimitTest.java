package io.simplecrawler.gateway.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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

/** An operator raises the page limit per job with SIMPLECRAWLER_MAX_PAGES_LIMIT. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageLimitTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        // a random port: a local stack may hold 8080
        return GatewayTestProperties.plus(
                Map.of("simplecrawler.max-pages-limit", "5000", "micronaut.server.port", "-1"));
    }

    @Test
    void aJobMayAskForAsManyPagesAsTheConfiguredLimit() {
        HttpResponse<Map> response = http.toBlocking()
                .exchange(
                        HttpRequest.POST("/crawl", Map.of("url", "http://example.test/", "maxPages", 5000)), Map.class);

        assertEquals(HttpStatus.ACCEPTED, response.getStatus());
        assertEquals(5000, ((Map<?, ?>) response.body().get("request")).get("maxPages"));
    }

    @Test
    void moreThanTheLimitIsRefusedWithAMessageNamingIt() {
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(
                        HttpRequest.POST("/crawl", Map.of("url", "http://example.test/", "maxPages", 5001)),
                        Map.class));

        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        List<?> errors =
                (List<?>) e.getResponse().getBody(Map.class).orElseThrow().get("errors");
        assertEquals(List.of(Map.of("field", "maxPages", "message", "must be less than or equal to 5000")), errors);
    }
}
