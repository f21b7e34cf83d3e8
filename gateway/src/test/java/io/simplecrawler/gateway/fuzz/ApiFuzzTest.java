package io.simplecrawler.gateway.fuzz;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.gateway.job.JobRepository;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Thousands of hostile requests to every endpoint (random and malformed JSON, wrong types, unknown
 * fields, huge numbers and bodies, deep nesting, control characters and odd Unicode, abused
 * headers, ids and parameters): none may get a 5xx, every 4xx is an application/problem+json, and
 * every job that was accepted gets published (none is left stuck). Each run draws a new seed,
 * printed first; {@code -Dfuzz.seed=<seed>} replays a run.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest implements TestPropertyProvider {
    private static final int CASES = 1_200;
    private static final String[] FIELDS = {
        "url",
        "maxPages",
        "maxDepth",
        "format",
        "delayMs",
        "concurrency",
        "timeoutMs",
        "includePaths",
        "excludePaths",
        "allowSubdomains",
        "maxBytes",
        "warc",
        "webhook",
        "maxpages",
        "secrett"
    };
    private static final String[] ODD = {
        "",
        " ",
        "\u0000",
        "\u202e",
        "\ud83d\udc1b",
        "\\ud800",
        "\\udc00x",
        "%00",
        "../..",
        "\u00e9\u0301",
        "<script>",
        "' OR 1=1 --",
        "http://",
        "https://\u4f8b\u3048.test/",
        "http://127.0.0.1:0/",
        "javascript:alert(1)",
        "\\u0000",
        "\\u001f",
        "\u0085",
        "\u009f",
        "\u007f",
        "\\t",
        "\\n",
        "%0d%0a",
        "%c0%80",
        "%ff",
        "%"
    };
    private static final String[] ENDPOINTS = {"", "/results", "/events", "/cancel"};
    private static final String[] NUMBERS = {
        "-1", "0", "1e400", "-1e400", "99999999999999999999999", "1.5", "NaN", "0x10", "-0"
    };

    private final long seed = Long.getLong("fuzz.seed", new Random().nextLong());
    private final Random random = new Random(seed);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    EmbeddedServer server;

    @Inject
    JobRepository jobs;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.with(GatewayTestProperties.newResultsDir());
    }

    @Test
    void noHostileRequestGetsA5xxAndNoAcceptedJobIsLeftUnpublished() throws Exception {
        System.out.println("ApiFuzzTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Instant start = Instant.now();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            HttpRequest request = hostileRequest(i);
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            boolean problem =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (status >= 500 || status >= 400 && !problem) {
                failures.add(
                        i + ": " + request.method() + " " + request.uri() + " -> " + status + " " + response.body());
            }
        }
        assertTrue(
                failures.isEmpty(),
                "seed " + seed + ": " + failures.size() + " server errors or 4xx without a problem, first: "
                        + failures.stream().limit(5).toList());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jobs.findUnpublished(Instant.now()).isEmpty());
        assertTrue(jobs.count() > 0, "some generated requests were valid jobs, and they were published");
        assertTrue(Duration.between(start, Instant.now()).toMinutes() < 5);
    }

    private HttpRequest hostileRequest(int i) {
        return switch (i % 12) {
            case 0 -> post(randomBytes(random.nextInt(300)), "application/json");
            case 1 -> post(wrongTypes(), "application/json");
            case 2 -> post(deepNesting(), "application/json");
            case 3 -> post(oddValues(), random.nextBoolean() ? "application/json" : randomContentType());
            case 4 -> post(
                    ("{\"url\": \"http://example.test/" + "a".repeat(random.nextInt(200_000)) + "\"}")
                            .getBytes(StandardCharsets.UTF_8),
                    "application/json");
            case 5 -> withAbusedHeaders();
            case 6 -> withMethod(uri("/jobs/" + oddId() + ENDPOINTS[random.nextInt(ENDPOINTS.length)]));
            case 7 -> withMethod(uri("/download/" + oddId() + "/" + encoded(odd() + "x" + random.nextInt(10) + ".md")));
            case 8 -> withMethod(uri(
                    random.nextBoolean()
                            ? "/stats"
                            : "/health" + (random.nextBoolean() ? "" : "?" + encoded(odd()) + "=" + encoded(odd()))));
            case 9 -> withOddHeaders(uri("/jobs"));
            case 10 -> HttpRequest.newBuilder(uri("/jobs/" + UUID.randomUUID()))
                    .timeout(Duration.ofSeconds(10))
                    .DELETE()
                    .build();
            default -> HttpRequest.newBuilder(uri("/jobs?limit=" + encoded(number())
                            + "&offset=" + encoded(number())
                            + "&status=" + encoded(odd())
                            + (random.nextBoolean() ? "&" + encoded(odd()) + "=" + encoded(odd()) : "")))
                    .timeout(Duration.ofSeconds(10))
                    .build();
        };
    }

    /** An id that is sometimes a UUID (of no job), sometimes anything but. */
    private String oddId() {
        return random.nextInt(4) == 0 ? UUID.randomUUID().toString() : encoded(odd() + random.nextInt());
    }

    private HttpRequest withMethod(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        return switch (random.nextInt(4)) {
            case 0 -> builder.POST(HttpRequest.BodyPublishers.ofString(odd())).build();
            case 1 -> builder.DELETE().build();
            default -> builder.build();
        };
    }

    /** Headers the API reads, with odd values (the client refuses C0 controls in headers; C1 and others get through). */
    private HttpRequest withOddHeaders(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        for (String header :
                new String[] {"Idempotency-Key", "X-API-Key", "Authorization", "Accept", "Last-Event-ID"}) {
            String value = (header.equals("Authorization") && random.nextBoolean() ? "Bearer " : "") + odd() + odd();
            try {
                builder.header(header, value);
            } catch (IllegalArgumentException refusedByTheClient) {
                builder.header(header, "\u0085" + random.nextInt());
            }
        }
        return builder.build();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpRequest post(byte[] body, String contentType) {
        return HttpRequest.newBuilder(uri("/crawl"))
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private HttpRequest withAbusedHeaders() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri("/crawl"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "k".repeat(random.nextInt(3_000)))
                .header("X-API-Key", "x".repeat(random.nextInt(3_000)))
                .header("Accept", randomContentType());
        return builder.POST(HttpRequest.BodyPublishers.ofString(
                        "{\"url\": \"http://example.test/h" + random.nextInt() + "\"}"))
                .build();
    }

    private byte[] wrongTypes() {
        StringBuilder json = new StringBuilder("{\"url\": \"http://example.test/" + random.nextInt(1000) + "\"");
        for (String field : FIELDS) {
            if (random.nextInt(3) == 0) {
                json.append(", \"").append(field).append("\": ").append(randomJsonValue(2));
            }
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] oddValues() {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        String value = random.nextBoolean() ? "\"" + odd() + "\"" : number();
        String json = "{\"url\": \"http://example.test/" + odd() + odd() + "\", \"" + field + "\": " + value + "}";
        return json.getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16);
    }

    private byte[] deepNesting() {
        int depth = 500 + random.nextInt(20_000);
        String open = random.nextBoolean() ? "[" : "{\"url\":";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private String randomJsonValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 8 : 6)) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> number();
            case 3 -> "\"" + odd() + "\"";
            case 4 -> Long.toString(random.nextLong());
            case 5 -> "\"" + "z".repeat(random.nextInt(5_000)) + "\"";
            case 6 -> "[" + randomJsonValue(depth - 1) + ", " + randomJsonValue(depth - 1) + "]";
            default -> "{\"url\": " + randomJsonValue(depth - 1) + ", \"secret\": " + randomJsonValue(depth - 1) + "}";
        };
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String randomContentType() {
        String[] types = {
            "text/plain",
            "application/xml",
            "application/json; charset=latin1",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "*/*",
            "application/json;;;",
            "\u00e9/\u00e9"
        };
        return types[random.nextInt(types.length)];
    }

    private String odd() {
        return ODD[random.nextInt(ODD.length)];
    }

    private String number() {
        return NUMBERS[random.nextInt(NUMBERS.length)];
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }
}
