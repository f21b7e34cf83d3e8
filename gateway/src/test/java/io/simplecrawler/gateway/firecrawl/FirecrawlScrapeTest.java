package io.simplecrawler.gateway.firecrawl;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.gateway.job.Job;
import io.simplecrawler.gateway.job.JobRepository;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Firecrawl's scrape as a one-page job: what the job asks, the answer once the job's page is
 * written (the exporter's part played here), refusals, and a job that does not end in time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirecrawlScrapeTest implements TestPropertyProvider {
    private final Path resultsDir = GatewayTestProperties.newResultsDir();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JobRepository jobs;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(GatewayTestProperties.with(resultsDir));
        properties.put("gateway.firecrawl.scrape-margin", "2s");
        return properties;
    }

    @Test
    void aScrapeIsAOnePageJobAnsweredWithItsPageOnceWritten() throws Exception {
        String url = "http://example.test/scrape-me";
        CompletableFuture<Map> answer = CompletableFuture.supplyAsync(() -> http.toBlocking()
                .retrieve(
                        HttpRequest.POST(
                                        "/v2/scrape",
                                        Map.of(
                                                "url",
                                                url,
                                                "formats",
                                                List.of("markdown", "links"),
                                                "onlyMainContent",
                                                false))
                                .contentType(MediaType.APPLICATION_JSON_TYPE),
                        Map.class));
        Job job = await().atMost(Duration.ofSeconds(10)).until(() -> jobOf(url), java.util.Objects::nonNull);
        JobSettings settings = EventJson.read(job.request().getBytes(StandardCharsets.UTF_8), JobSettings.class);
        assertEquals(
                List.of(1, 0, false, "markdown"),
                List.of(
                        settings.maxPages(),
                        settings.maxDepth(),
                        settings.useSitemap(),
                        settings.format().wireName()));

        writePage(
                job,
                PageRecord.of(job.id(), url, 0, FetchOutcome.FETCHED)
                        .finalUrl(url)
                        .status(200)
                        .title("Scraped")
                        .markdown("# Scraped")
                        .links(List.of("http://example.test/"))
                        .build());

        Map<?, ?> scraped = answer.get(10, TimeUnit.SECONDS);
        assertEquals(true, scraped.get("success"));
        Map<?, ?> document = (Map<?, ?>) scraped.get("data");
        assertEquals("# Scraped", document.get("markdown"));
        assertEquals(List.of("http://example.test/"), document.get("links"));
        assertEquals("Scraped", ((Map<?, ?>) document.get("metadata")).get("title"));
    }

    @Test
    void aPageTheSiteAnsweredWithAnErrorIsADocumentWithItsStatusAndError() throws Exception {
        String url = "http://example.test/missing";
        CompletableFuture<Map> answer = CompletableFuture.supplyAsync(
                () -> http.toBlocking().retrieve(HttpRequest.POST("/v1/scrape", Map.of("url", url)), Map.class));
        Job job = await().atMost(Duration.ofSeconds(10)).until(() -> jobOf(url), java.util.Objects::nonNull);

        writePage(
                job,
                PageRecord.of(job.id(), url, 0, FetchOutcome.FAILED)
                        .status(404)
                        .error("HTTP 404")
                        .build());

        Map<?, ?> metadata =
                (Map<?, ?>) ((Map<?, ?>) answer.get(10, TimeUnit.SECONDS).get("data")).get("metadata");
        assertEquals(404, metadata.get("statusCode"));
        assertEquals("HTTP 404", metadata.get("error"));
    }

    @Test
    void aScrapeWhoseJobDoesNotEndInTimeIsA408AndTheJobIsCancelled() {
        String url = "http://example.test/never";
        var late = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/v2/scrape", Map.of("url", url, "timeout", 1000)), Map.class));

        assertEquals(HttpStatus.REQUEST_TIMEOUT, late.getStatus());
        Map<?, ?> body = late.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(false, body.get("success"));
        assertTrue(((String) body.get("error")).startsWith("the page was not scraped within 3 s"), body.toString());
        assertEquals(JobStatus.CANCELLED, jobOf(url).status());
    }

    @Test
    void aScrapeOptionThisCrawlerCannotHonourIsRefusedAtOnce() {
        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(
                        HttpRequest.POST(
                                "/v2/scrape",
                                Map.of(
                                        "url",
                                        "http://example.test/",
                                        "formats",
                                        List.of("screenshot", "changeTracking"),
                                        "mobile",
                                        true)),
                        Map.class));

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertEquals(
                "The request has invalid fields: mobile is not supported by this crawler; formats: changeTracking is not supported by this crawler",
                refused.getResponse().getBody(Map.class).orElseThrow().get("error"));
    }

    private Job jobOf(String url) {
        return jobs.list(null, null, 100, 0).stream()
                .filter(job -> job.url().equals(url))
                .findFirst()
                .orElse(null);
    }

    /** The exporter's part: the page in the journal, the job completed. */
    private void writePage(Job job, PageRecord page) throws IOException {
        Path folder = Files.createDirectories(resultsDir.resolve(job.id().toString()));
        Files.write(
                folder.resolve("pages.jsonl"), (EventJson.writeString(page) + "\n").getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now();
        jobs.update(new Job(
                job.id(),
                job.url(),
                JobStatus.COMPLETED,
                job.format(),
                job.request(),
                null,
                job.publishedAt(),
                1,
                1,
                page.succeeded() ? 1 : 0,
                page.succeeded() ? 0 : 1,
                0,
                100,
                null,
                job.createdAt(),
                now,
                now,
                null,
                null,
                0,
                0,
                0,
                1,
                now,
                null));
    }
}
