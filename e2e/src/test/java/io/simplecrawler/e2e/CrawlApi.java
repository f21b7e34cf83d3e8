package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import io.simplecrawler.schemas.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The REST API as a client script sees it. */
final class CrawlApi {
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    CrawlApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** POST /crawl; returns the new job's id. */
    UUID submit(Map<String, Object> request) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/crawl"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.writeString(request))).build());
        if (response.statusCode() != 202) {
            throw new AssertionError("POST /crawl answered " + response.statusCode() + ": " + response.body());
        }
        return UUID.fromString((String) json(response.body()).get("id"));
    }

    Map<String, Object> job(UUID id) {
        return json(send(HttpRequest.newBuilder(URI.create(baseUrl + "/jobs/" + id)).build()).body());
    }

    /** Polls the job until it reaches a terminal status and returns it. */
    Map<String, Object> awaitFinished(UUID id, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> job(id), job -> FINISHED.contains((String) job.get("status")));
    }

    /** POST /jobs/{id}/cancel; returns once the gateway answered. */
    HttpResponse<String> cancel(UUID id) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/jobs/" + id + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /**
     * GET /jobs/{id}/events, read to its end: the data of each server-sent event, in order.
     */
    List<Map<String, Object>> followEvents(UUID id, Duration within) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/jobs/" + id + "/events"))
                .header("Accept", "text/event-stream").timeout(within).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofLines()).body()
                    .filter(line -> line.startsWith("data:"))
                    .map(line -> json(line.substring("data:".length()).trim()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> results(UUID id) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/jobs/" + id + "/results")).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> json(String body) {
        try {
            return EventJson.mapper().readValue(body, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
