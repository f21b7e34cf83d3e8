package io.simplecrawler.gateway.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.localstack.FreePorts;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.PageStats;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /stats/hosts} and {@code GET /jobs/{id}/stats} against a real HTTP server in the
 * analytics service's place: its answers passed on, its 404 as empty statistics, and a 503
 * problem, not a hang, when it is slow, unable or down.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsEndpointsTest implements TestPropertyProvider {
    private final int analyticsPort = FreePorts.next();
    private final Map<String, PageStats> jobs = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    /** Held by a slow answer until the test ends. */
    private final CountDownLatch release = new CountDownLatch(1);

    private volatile String mode = "answer";
    private HttpServer analytics = startAnalytics();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.plus(Map.of(
                "gateway.analytics.url", "http://127.0.0.1:" + analyticsPort, "gateway.analytics.timeout", "1s"));
    }

    @AfterEach
    void answerAgain() {
        mode = "answer";
        if (analytics == null) {
            analytics = startAnalytics();
        }
    }

    @AfterAll
    void stopAnalytics() {
        release.countDown();
        analytics.stop(0);
    }

    @Test
    void passesTheHostRankingOn() {
        Map<?, ?> ranking = http.toBlocking().retrieve("/stats/hosts?top=2", Map.class);

        List<?> hosts = (List<?>) ranking.get("hosts");
        assertEquals(2, hosts.size());
        assertEquals("a.test", ((Map<?, ?>) hosts.get(0)).get("host"));
        assertEquals(7, ((Map<?, ?>) hosts.get(0)).get("pages"));
        assertEquals(12, ((Map<?, ?>) hosts.get(0)).get("fetchMsP95"));
        assertTrue(asked.contains("/stats/hosts?top=2"), asked.toString());
    }

    @Test
    void refusesATopOutOfRangeNamingTheField() {
        var refused = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().retrieve("/stats/hosts?top=0"));

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertEquals(
                "application/problem+json",
                refused.getResponse().getContentType().orElseThrow().toString());
        assertTrue(refused.getResponse().getBody(String.class).orElseThrow().contains("\"top\""));
    }

    @Test
    void showsAJobsStatisticsAndZerosBeforeItsFirstPage() {
        UUID counted = submit();
        UUID fresh = submit();
        jobs.put(counted.toString(), stats(null, counted, 3));

        Map<?, ?> stats = http.toBlocking().retrieve("/jobs/" + counted + "/stats", Map.class);
        assertEquals(counted.toString(), stats.get("jobId"));
        assertEquals(3, stats.get("pages"));
        assertEquals(Map.of("2xx", 3), stats.get("statusClasses"));

        Map<?, ?> none = http.toBlocking().retrieve("/jobs/" + fresh + "/stats", Map.class);
        assertEquals(0, none.get("pages"), "analytics has not counted it: 404 there");
        assertEquals(fresh.toString(), none.get("jobId"));
    }

    @Test
    void anUnknownJobIs404WithoutAskingAnalytics() {
        UUID unknown = UUID.randomUUID();
        var missing = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().retrieve("/jobs/" + unknown + "/stats"));

        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        assertTrue(asked.stream().noneMatch(path -> path.contains(unknown.toString())));
    }

    @Test
    void aSlowAnalyticsServiceIs503() {
        mode = "slow";
        assertUnavailable("/stats/hosts");
        assertUnavailable("/jobs/" + submit() + "/stats");
    }

    @Test
    void anAnalyticsServiceThatCannotAnswerIs503() {
        mode = "rebalancing";
        assertUnavailable("/stats/hosts?top=5");
    }

    @Test
    void aDownAnalyticsServiceIs503() {
        analytics.stop(0);
        analytics = null;
        assertUnavailable("/stats/hosts");
        assertUnavailable("/jobs/" + submit() + "/stats");
    }

    private void assertUnavailable(String path) {
        var unavailable = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().retrieve(path));

        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, unavailable.getStatus(), path);
        assertEquals(
                "application/problem+json",
                unavailable.getResponse().getContentType().orElseThrow().toString());
        assertNotNull(unavailable.getResponse().header("Retry-After"));
        Map<?, ?> problem = EventJson.read(
                unavailable.getResponse().getBody(String.class).orElseThrow().getBytes(StandardCharsets.UTF_8),
                Map.class);
        assertEquals(503, problem.get("status"));
        assertTrue(problem.get("detail").toString().contains("statistics"), problem.toString());
    }

    private UUID submit() {
        Map<?, ?> job = http.toBlocking()
                .retrieve(HttpRequest.POST("/crawl", Map.of("url", "http://example.test/")), Map.class);
        return UUID.fromString(job.get("id").toString());
    }

    private static PageStats stats(String host, UUID job, long pages) {
        return new PageStats(
                host,
                job,
                pages,
                pages * 100,
                Map.of("FETCHED", pages),
                Map.of("2xx", pages),
                Map.of("text/html", pages),
                Map.of(),
                pages * 2,
                5L,
                12L,
                null);
    }

    private HttpServer startAnalytics() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", analyticsPort), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/", this::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().toString();
        asked.add(path);
        if ("slow".equals(mode)) {
            try {
                release.await(30, TimeUnit.SECONDS); // far beyond the gateway's 1 s timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if ("rebalancing".equals(mode)) {
            reply(exchange, 503, "{\"message\":\"statistics not queryable now\"}");
        } else if (path.startsWith("/stats/hosts")) {
            reply(
                    exchange,
                    200,
                    EventJson.writeString(
                            Map.of("hosts", List.of(stats("a.test", null, 7), stats("b.test", null, 2)))));
        } else {
            String job = path.replace("/jobs/", "").replace("/stats", "");
            PageStats stats = jobs.get(job);
            reply(exchange, stats == null ? 404 : 200, stats == null ? "{}" : EventJson.writeString(stats));
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
