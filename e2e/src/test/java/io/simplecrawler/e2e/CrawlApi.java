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

/** The REST API as a client script sees it, at the gateway or through nginx. */
final class CrawlApi {
    static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String baseUrl;
    private final Map<String, String> headers;

    CrawlApi(String baseUrl) {
        this(
                baseUrl,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                Map.of());
    }

    /** Through the caller's client (e.g. one trusting a test certificate), with {@code headers} on every request. */
    CrawlApi(String baseUrl, HttpClient http, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.headers = Map.copyOf(headers);
    }

    /** POST /crawl; returns the new job's id. */
    UUID submit(Map<String, Object> request) {
        HttpResponse<String> response = post("/crawl", request);
        if (response.statusCode() != 202) {
            throw new AssertionError("POST /crawl answered " + response.statusCode() + ": " + response.body());
        }
        return UUID.fromString((String) json(response.body()).get("id"));
    }

    Map<String, Object> job(UUID id) {
        return json(get("/jobs/" + id).body());
    }

    /** Polls the job until it reaches a terminal status and returns it. */
    Map<String, Object> awaitFinished(UUID id, Duration within) {
        return await().atMost(within)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> job(id), job -> FINISHED.contains((String) job.get("status")));
    }

    /** POST /jobs/{id}/cancel; returns once the gateway answered. */
    HttpResponse<String> cancel(UUID id) {
        return send(request("/jobs/" + id + "/cancel").POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * GET /jobs/{id}/events, read to its end: the data of each server-sent event, in order.
     */
    List<Map<String, Object>> followEvents(UUID id, Duration within) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/jobs/" + id + "/events"))
                .header("Accept", "text/event-stream")
                .timeout(within)
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofLines())
                    .body()
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
        return get("/jobs/" + id + "/results");
    }

    HttpResponse<String> get(String path) {
        return send(request(path));
    }

    /** POST of {@code body} as JSON. */
    HttpResponse<String> post(String path, Map<String, Object> body) {
        return post(path, body, REQUEST_TIMEOUT);
    }

    /** A POST whose answer may take longer than a usual request, e.g. a scrape that renders its page. */
    HttpResponse<String> post(String path, Map<String, Object> body, Duration within) {
        return send(request(path)
                .timeout(within)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.writeString(body))));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT);
        headers.forEach(request::header);
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> json(String body) {
        try {
            return EventJson.mapper().readValue(body, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }
}
