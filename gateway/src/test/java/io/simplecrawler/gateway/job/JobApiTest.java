package io.simplecrawler.gateway.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.schemas.JobCommand;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.JobSubmitted;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.RenderMode;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway's REST API on real Postgres, Kafka and Redis. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobApiTest implements TestPropertyProvider {
    private final Path resultsDir = GatewayTestProperties.newResultsDir();
    private final TopicReader jobCommands = new TopicReader(TestKafka.bootstrapServers(), Topics.JOBS);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JobRepository jobs;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.with(resultsDir);
    }

    @AfterAll
    void close() {
        jobCommands.close();
    }

    @Test
    void aSubmittedJobIsStoredPendingAndPublishedWithDefaultsFilledIn() {
        HttpResponse<Map> response = http.toBlocking()
                .exchange(HttpRequest.POST("/crawl", Map.of("url", "http://example.test/docs/")), Map.class);

        assertEquals(HttpStatus.ACCEPTED, response.status());
        String id = (String) response.body().get("id");
        assertEquals("/jobs/" + id, response.header("Location"));
        assertEquals("pending", response.body().get("status"));

        UUID jobId = UUID.fromString(id);
        JobSubmitted submitted = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jobCommands.values(Topics.JOBS, JobCommand.class).stream()
                                .filter(c -> c.jobId().equals(jobId))
                                .map(JobSubmitted.class::cast)
                                .toList(),
                        l -> !l.isEmpty())
                .get(0);
        assertEquals(
                new JobSettings("http://example.test/docs/", 100, 2, OutputFormat.MARKDOWN, 0, 4, 30_000),
                submitted.settings());
        assertNotNull(jobs.findById(jobId).orElseThrow().publishedAt());

        Map<?, ?> job = http.toBlocking().retrieve(HttpRequest.GET("/jobs/" + id), Map.class);
        assertEquals("http://example.test/docs/", job.get("url"));
        assertEquals(0, job.get("progress"));
        assertEquals(0, job.get("pagesCrawled"));
        assertEquals(0, job.get("pagesFailed"));
        assertEquals(
                List.of(0, 0, 0), List.of(job.get("pagesAdmitted"), job.get("pagesWritten"), job.get("pagesQueued")));
        assertNotNull(job.get("createdAt"));
        assertEquals(100, ((Map<?, ?>) job.get("request")).get("maxPages"));
    }

    @Test
    void theRenderSettingsTravelOnTheSubmission() {
        HttpResponse<Map> response = http.toBlocking()
                .exchange(
                        HttpRequest.POST(
                                "/crawl",
                                Map.of(
                                        "url", "http://app.test/",
                                        "render", "always",
                                        "waitFor", "#app .loaded",
                                        "screenshot", true)),
                        Map.class);

        UUID jobId = UUID.fromString((String) response.body().get("id"));
        JobSettings settings = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jobCommands.values(Topics.JOBS, JobCommand.class).stream()
                                .filter(c -> c.jobId().equals(jobId))
                                .map(c -> ((JobSubmitted) c).settings())
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertEquals(RenderMode.ALWAYS, settings.render());
        assertEquals("#app .loaded", settings.waitFor());
        assertEquals(Boolean.TRUE, settings.screenshot());
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
        "url, ftp://example.test/",
        "url, not a url",
        "maxPages, 0",
        "maxPages, 1001",
        "maxDepth, 11",
        "format, pdf",
        "delayMs, -1",
        "concurrency, 33",
        "timeoutMs, 999",
        "render, sometimes",
        "waitFor, 30001",
        "waitFor, ''",
    })
    void invalidFieldsAreRefusedWithAProblemNamingTheField(String field, String value) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("url", "http://example.test/"));
        body.put(field, value.matches("-?\\d+") ? (Object) Long.parseLong(value) : value);

        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/crawl", body), Map.class));

        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals(
                "application/problem+json",
                e.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(400, problem.get("status"));
        List<?> errors = (List<?>) problem.get("errors");
        assertNotNull(errors, problem.toString());
        assertTrue(errors.stream().anyMatch(err -> field.equals(((Map<?, ?>) err).get("field"))), problem.toString());
    }

    @Test
    void aPathPatternThatIsNotARegularExpressionIsRefused() {
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST(
                        "/crawl", Map.of("url", "http://example.test/", "includePaths", List.of("/docs/(")))));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("includePaths"));
    }

    /** Found by ApiFuzzTest (seed 6209496104958827509): a null pattern reached the settings record and answered 500. */
    @Test
    void aNullPathPatternIsRefusedNamingTheField() {
        for (String field : List.of("includePaths", "excludePaths")) {
            var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.POST(
                                    "/crawl", "{\"url\": \"http://example.test/\", \"" + field + "\": [\"/a\", null]}")
                            .contentType(MediaType.APPLICATION_JSON)));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), field);
            assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains(field), field);
        }
    }

    @Test
    void unknownJobsAre404AndResultsOfAnUnfinishedJobAre409() {
        var unknown = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().exchange("/jobs/" + UUID.randomUUID()));
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());

        var notUuid = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().exchange("/jobs/abc"));
        assertEquals(HttpStatus.BAD_REQUEST, notUuid.getStatus());

        Map<?, ?> job = http.toBlocking()
                .retrieve(HttpRequest.POST("/crawl", Map.of("url", "http://example.test/")), Map.class);
        var pending = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange("/jobs/" + job.get("id") + "/results"));
        assertEquals(HttpStatus.CONFLICT, pending.getStatus());
        assertEquals(
                "application/problem+json",
                pending.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void aCompletedJobServesItsResultFile() throws IOException {
        Map<?, ?> submitted = http.toBlocking()
                .retrieve(
                        HttpRequest.POST("/crawl", Map.of("url", "http://example.test/", "format", "markdown")),
                        Map.class);
        UUID id = UUID.fromString((String) submitted.get("id"));
        Job job = jobs.findById(id).orElseThrow();
        jobs.update(new Job(
                id,
                job.url(),
                JobStatus.COMPLETED,
                job.format(),
                job.request(),
                null,
                job.publishedAt(),
                3,
                3,
                2,
                0,
                10,
                100,
                null,
                job.createdAt(),
                Instant.now(),
                Instant.now(),
                null,
                null,
                0,
                0,
                0,
                2,
                null,
                Instant.now()));
        assertEquals(JobStatus.COMPLETED, jobs.findById(id).orElseThrow().status());
        Map<?, ?> view = http.toBlocking().retrieve(HttpRequest.GET("/jobs/" + id), Map.class);
        assertEquals(
                List.of(3, 2, 1),
                List.of(view.get("pagesAdmitted"), view.get("pagesWritten"), view.get("pagesQueued")));
        assertEquals(false, view.get("stalled"), "a finished job is not stalled, whenever it last was");
        Files.createDirectories(resultsDir.resolve(id.toString()));
        Files.writeString(resultsDir.resolve(id.toString()).resolve("results.md"), "## Page /\n");

        HttpResponse<String> results =
                http.toBlocking().exchange(HttpRequest.GET("/jobs/" + id + "/results"), String.class);

        assertEquals(HttpStatus.OK, results.status());
        assertTrue(results.getContentType().orElseThrow().toString().startsWith("text/markdown"));
        assertEquals("## Page /\n", results.body());
    }

    /** Found by ApiFuzzTest (seed 1072463478325234757): the longest key allowed answered 500. */
    @Test
    void anIdempotencyKeyOfTheLongestAllowedLengthIsAcceptedAndALongerOneRefused() {
        String longest = "k".repeat(199) + UUID.randomUUID().toString().substring(0, 1);
        var accepted = http.toBlocking()
                .exchange(
                        HttpRequest.POST("/crawl", Map.of("url", "http://example.test/long-key"))
                                .header("Idempotency-Key", longest),
                        Map.class);
        assertEquals(HttpStatus.ACCEPTED, accepted.status());
        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/crawl", Map.of("url", "http://example.test/long-key"))
                        .header("Idempotency-Key", longest + "k")));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesOneJob() {
        String key = "retry-" + UUID.randomUUID();
        var request = HttpRequest.POST("/crawl", Map.of("url", "http://example.test/once"))
                .header("Idempotency-Key", key);
        Map<?, ?> first = http.toBlocking().retrieve(request, Map.class);
        HttpResponse<Map> second = http.toBlocking()
                .exchange(
                        HttpRequest.POST("/crawl", Map.of("url", "http://example.test/once"))
                                .header("Idempotency-Key", key),
                        Map.class);

        assertEquals(HttpStatus.ACCEPTED, second.status());
        assertEquals(first.get("id"), second.body().get("id"));
        UUID id = UUID.fromString((String) first.get("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jobCommands.values(Topics.JOBS, JobCommand.class).stream()
                .anyMatch(c -> c.jobId().equals(id)));
        assertEquals(
                1,
                jobCommands.values(Topics.JOBS, JobCommand.class).stream()
                        .filter(c -> c.jobId().equals(id))
                        .count());
    }

    @Test
    void jobsAreListedNewestFirstByStatusAndPage() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add((String) http.toBlocking()
                    .retrieve(HttpRequest.POST("/crawl", Map.of("url", "http://example.test/list" + i)), Map.class)
                    .get("id"));
        }
        Map<?, ?> page =
                http.toBlocking().retrieve(HttpRequest.GET("/jobs?status=pending&limit=2&offset=1"), Map.class);
        assertEquals(2, page.get("limit"));
        assertEquals(1, page.get("offset"));
        assertTrue(((Number) page.get("total")).intValue() >= 3);
        List<?> items = (List<?>) page.get("items");
        assertEquals(2, items.size());
        assertEquals(
                ids.get(1), ((Map<?, ?>) items.get(0)).get("id"), "newest first: skip the newest, then the second");

        Map<?, ?> defaults = http.toBlocking().retrieve(HttpRequest.GET("/jobs"), Map.class);
        assertEquals(20, defaults.get("limit"));
        assertEquals(
                0,
                ((List<?>) http.toBlocking()
                                .retrieve(HttpRequest.GET("/jobs?status=completed"), Map.class)
                                .get("items"))
                        .size());
    }

    @ParameterizedTest(name = "GET {0} is 400")
    @CsvSource({"/jobs?status=done", "/jobs?limit=0", "/jobs?limit=101", "/jobs?offset=-1", "/jobs?limit=ten"})
    void badListParametersAreRefused(String uri) {
        var e = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().exchange(uri));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals(
                "application/problem+json",
                e.getResponse().getContentType().orElseThrow().toString());
    }
}
