package io.simplecrawler.gateway.firecrawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.gateway.job.Job;
import io.simplecrawler.gateway.job.JobRepository;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.PageSummary;
import io.simplecrawler.schemas.ReadableArticle;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A crawl's status, documents, paging, errors, cancel and listing through the Firecrawl routes,
 * from job rows and journals as the exporter leaves them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirecrawlCrawlStatusTest implements TestPropertyProvider {
    private final Path resultsDir = GatewayTestProperties.newResultsDir();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JobRepository jobs;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.with(resultsDir);
    }

    @Test
    void aRunningCrawlIsScrapingWithTheDocumentsWrittenSoFarEachUrlOnceAndNoHalfLine() throws IOException {
        UUID id = start(
                "/v2/crawl", "{\"url\": \"http://example.test/\", \"scrapeOptions\": {\"onlyMainContent\": false}}");
        update(id, JobStatus.RUNNING, 5, null, 2, 0, 2);
        PageRecord seed = fetched(id, "http://example.test/", 0).build();
        journal(id, seed, seed, fetched(id, "http://example.test/a", 1).build());
        Files.writeString(
                resultsDir.resolve(id.toString()).resolve("pages.jsonl"),
                "{\"jobId\":\"" + id + "\",\"url\":\"http://exa",
                StandardOpenOption.APPEND);

        Map<?, ?> status = get("/v2/crawl/" + id);

        assertEquals(true, status.get("success"));
        assertEquals("scraping", status.get("status"));
        assertEquals(2, status.get("completed"));
        assertEquals(5, status.get("total"), "the pages taken on so far while the final count is unknown");
        assertEquals(2, status.get("creditsUsed"));
        assertFalse(status.containsKey("next"), "no more documents now: no next, which the v1 SDK would follow");
        assertEquals(
                List.of("http://example.test/", "http://example.test/a"),
                documents(status).stream()
                        .map(d -> metadata(d).get("sourceURL"))
                        .toList());
    }

    @Test
    void aDocumentCarriesThePagesMarkdownAndMetadataByDefaultAsAtFirecrawl() throws IOException {
        UUID id = start(
                "/v2/crawl", "{\"url\": \"http://example.test/\", \"scrapeOptions\": {\"onlyMainContent\": false}}");
        update(id, JobStatus.COMPLETED, 1, 1, 1, 0, 1);
        journal(
                id,
                fetched(id, "http://example.test/", 0)
                        .finalUrl("http://example.test/home")
                        .build());

        Map<?, ?> document = documents(get("/v2/crawl/" + id)).get(0);

        assertEquals("# Home\n\nWelcome.", document.get("markdown"));
        assertEquals(Set.of("markdown", "metadata"), document.keySet(), "the formats asked for, markdown by default");
        assertEquals(
                Map.of(
                        "title", "Home",
                        "description", "The home page",
                        "language", "en",
                        "scrapeId",
                                UUID.nameUUIDFromBytes((id + " http://example.test/").getBytes(StandardCharsets.UTF_8))
                                        .toString(),
                        "sourceURL", "http://example.test/",
                        "url", "http://example.test/home",
                        "statusCode", 200,
                        "contentType", "text/html; charset=utf-8"),
                metadata(document));
    }

    @Test
    void aScreenshotIsTheUrlOfThePagesPngOnTheDownloadRoute() throws IOException {
        UUID id = start(
                "/v2/crawl", "{\"url\": \"http://example.test/\", \"scrapeOptions\": {\"formats\": [\"screenshot\"]}}");
        update(id, JobStatus.COMPLETED, 2, 2, 2, 0, 2);
        journal(
                id,
                fetched(id, "http://example.test/", 0)
                        .screenshot("screenshot-0123456789abcdef.png")
                        .build(),
                fetched(id, "http://example.test/a", 1).build());

        List<Map<?, ?>> documents = documents(get("/v2/crawl/" + id));

        assertTrue(
                String.valueOf(documents.get(0).get("screenshot"))
                        .matches("http://[^/]+/download/" + id + "/screenshot-0123456789abcdef\\.png"),
                documents.get(0).toString());
        assertEquals(Set.of("markdown", "metadata"), documents.get(1).keySet(), "a page the renderer took no PNG of");
    }

    @Test
    void aDocumentCarriesTheFormatsItsCrawlAskedForAndOnlyThose() throws IOException {
        UUID id = start(
                "/v2/crawl",
                "{\"url\": \"http://example.test/\", \"scrapeOptions\": {\"formats\": [\"html\", \"rawHtml\", \"links\"],"
                        + " \"includeTags\": [\"main\"], \"excludeTags\": [\".ad\"]}}");
        update(id, JobStatus.COMPLETED, 1, 1, 1, 0, 1);
        journal(
                id,
                fetched(id, "http://example.test/", 0)
                        .html("<body><main>Welcome.</main></body>")
                        .rawHtml("<html><nav>Home</nav><main>Welcome.</main><div class=ad>Buy</div></html>")
                        .build());

        Map<?, ?> document = documents(get("/v2/crawl/" + id)).get(0);

        assertEquals(Set.of("html", "rawHtml", "links", "metadata"), document.keySet());
        assertEquals("<body><main>Welcome.</main></body>", document.get("html"));
        assertEquals(
                "<html><nav>Home</nav><main>Welcome.</main><div class=ad>Buy</div></html>", document.get("rawHtml"));
        assertEquals(List.of("http://example.test/a", "http://example.test/b"), document.get("links"));
    }

    @Test
    void theMainContentIsTheReadableExtractionAndASummaryIsItsSentences() throws IOException {
        UUID main = start("/v2/crawl", "{\"url\": \"http://example.test/\"}");
        update(main, JobStatus.COMPLETED, 1, 1, 1, 0, 1);
        journal(
                main,
                fetched(main, "http://example.test/", 0)
                        .readable(new ReadableArticle("Home", null, null, "Welcome."))
                        .build());
        UUID summarised = start(
                "/v2/crawl", "{\"url\": \"http://example.test/\", \"scrapeOptions\": {\"formats\": [\"summary\"]}}");
        update(summarised, JobStatus.COMPLETED, 1, 1, 1, 0, 1);
        journal(
                summarised,
                fetched(summarised, "http://example.test/", 0)
                        .summary(new PageSummary(List.of("One.", "Two."), List.of("home", "welcome")))
                        .build());

        assertEquals("Welcome.", documents(get("/v2/crawl/" + main)).get(0).get("markdown"));
        Map<?, ?> document = documents(get("/v2/crawl/" + summarised)).get(0);
        assertEquals("One. Two.", document.get("summary"));
        assertEquals(List.of("home", "welcome"), metadata(document).get("keywords"));
    }

    @Test
    void nextIsAnAbsoluteUrlWithSkipWhileMoreDocumentsAreThereAndFailedPagesAreNoDocuments() throws IOException {
        UUID id = start("/v1/crawl", "{\"url\": \"http://example.test/\"}");
        update(id, JobStatus.COMPLETED, 6, 6, 5, 1, 6);
        List<PageRecord> pages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pages.add(fetched(id, "http://example.test/p" + i, 1).build());
        }
        pages.add(
                2,
                PageRecord.of(id, "http://example.test/broken", 1, FetchOutcome.FAILED)
                        .status(500)
                        .build());
        journal(id, pages.toArray(PageRecord[]::new));

        Map<?, ?> first = get("/v1/crawl/" + id + "?limit=2");
        String next = (String) first.get("next");
        assertTrue(next.matches("http://localhost:\\d+/v1/crawl/" + id + "\\?skip=2&limit=2"), next);
        Map<?, ?> second = get(next.replaceFirst("http://localhost:\\d+", ""));
        Map<?, ?> third = get((String) second.get("next"));

        assertEquals("completed", first.get("status"));
        assertEquals(List.of(5, 6, 5), List.of(first.get("completed"), first.get("total"), first.get("creditsUsed")));
        List<Object> urls = new ArrayList<>();
        for (Map<?, ?> answer : List.of(first, second, third)) {
            documents(answer).forEach(d -> urls.add(metadata(d).get("sourceURL")));
        }
        assertEquals(
                List.of(
                        "http://example.test/p0",
                        "http://example.test/p1",
                        "http://example.test/p2",
                        "http://example.test/p3",
                        "http://example.test/p4"),
                urls);
        assertFalse(third.containsKey("next"));
    }

    @Test
    void oneAnswerHoldsAtMostTenMegabytesOfDocuments() throws IOException {
        UUID id = start(
                "/v2/crawl", "{\"url\": \"http://example.test/\", \"scrapeOptions\": {\"onlyMainContent\": false}}");
        update(id, JobStatus.COMPLETED, 4, 4, 4, 0, 4);
        String threeMegabytes = "x".repeat(3 * 1024 * 1024);
        List<PageRecord> pages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pages.add(fetched(id, "http://example.test/p" + i, 1)
                    .markdown(threeMegabytes)
                    .build());
        }
        journal(id, pages.toArray(PageRecord[]::new));

        HttpRequest<?> request = HttpRequest.GET("/v2/crawl/" + id);
        String body = http.toBlocking().retrieve(request, String.class);
        Map<?, ?> first = get("/v2/crawl/" + id);

        assertTrue(body.length() <= 10 * 1024 * 1024, "answer of " + body.length() + " bytes");
        assertEquals(3, documents(first).size());
        assertTrue(((String) first.get("next")).endsWith("/v2/crawl/" + id + "?skip=3"));
        assertEquals(1, documents(get("/v2/crawl/" + id + "?skip=3")).size());
    }

    @Test
    void errorsListTheFailedPagesAndRobotsBlockedTheUrlsRobotsTxtKeptTheCrawlFrom() throws IOException {
        UUID id = start("/v2/crawl", "{\"url\": \"http://example.test/\"}");
        update(id, JobStatus.COMPLETED, 4, 4, 1, 3, 4);
        journal(
                id,
                fetched(id, "http://example.test/", 0).build(),
                PageRecord.of(id, "http://example.test/gone", 1, FetchOutcome.FAILED)
                        .status(404)
                        .error("HTTP 404")
                        .fetchedAt(Instant.parse("2026-01-02T03:04:05Z"))
                        .build(),
                PageRecord.of(id, "http://example.test/private", 1, FetchOutcome.BLOCKED)
                        .error("disallowed by robots.txt")
                        .build(),
                PageRecord.of(id, "http://10.0.0.1/", 1, FetchOutcome.BLOCKED)
                        .error("private network")
                        .build());

        Map<?, ?> errors = get("/v2/crawl/" + id + "/errors");

        assertEquals(List.of("http://example.test/private"), errors.get("robotsBlocked"));
        List<?> failed = (List<?>) errors.get("errors");
        assertEquals(2, failed.size());
        Map<?, ?> gone = (Map<?, ?>) failed.get(0);
        assertEquals("http://example.test/gone", gone.get("url"));
        assertEquals("FAILED_404", gone.get("code"));
        assertEquals("HTTP 404", gone.get("error"));
        assertEquals("2026-01-02T03:04:05Z", gone.get("timestamp"));
        assertEquals(36, ((String) gone.get("id")).length());
        assertEquals("BLOCKED", ((Map<?, ?>) failed.get(1)).get("code"));
    }

    @Test
    void aCancelledCrawlIsCancelledOnceAndListedAsActiveOnlyBefore() {
        UUID id = start("/v2/crawl", "{\"url\": \"http://example.test/cancel-me\"}");
        List<?> active = (List<?>) get("/v2/crawl/active").get("crawls");
        assertTrue(active.stream().anyMatch(c -> ((Map<?, ?>) c).get("id").equals(id.toString())), active.toString());
        Map<?, ?> listed = (Map<?, ?>) active.stream()
                .filter(c -> ((Map<?, ?>) c).get("id").equals(id.toString()))
                .findFirst()
                .orElseThrow();
        assertEquals(Map.of("id", id.toString(), "teamId", "open", "url", "http://example.test/cancel-me"), listed);

        Map<?, ?> cancelled = http.toBlocking().retrieve(HttpRequest.DELETE("/v2/crawl/" + id), Map.class);
        var again = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.DELETE("/v1/crawl/" + id), Map.class));

        assertEquals(Map.of("success", true, "status", "cancelled"), cancelled);
        assertEquals("cancelled", get("/v2/crawl/" + id).get("status"));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
        assertEquals(
                Map.of("success", false, "error", "job " + id + " is already cancelled"),
                again.getResponse().getBody(Map.class).orElseThrow());
        assertTrue(((List<?>) get("/v1/crawl/active").get("crawls"))
                .stream().noneMatch(c -> ((Map<?, ?>) c).get("id").equals(id.toString())));
    }

    @Test
    void anUnknownCrawlIsA404InFirecrawlsShape() {
        UUID id = UUID.randomUUID();
        for (String path : List.of("/v2/crawl/" + id, "/v1/crawl/" + id + "/errors")) {
            var missing = assertThrows(
                    HttpClientResponseException.class, () -> http.toBlocking().exchange(path, Map.class));

            assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
            assertEquals(
                    Map.of("success", false, "error", "no job " + id),
                    missing.getResponse().getBody(Map.class).orElseThrow());
        }
    }

    private UUID start(String path, String body) {
        return FirecrawlTestJobs.start(http, path, body);
    }

    private Map<?, ?> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path), Map.class);
    }

    private static List<Map<?, ?>> documents(Map<?, ?> status) {
        @SuppressWarnings("unchecked")
        List<Map<?, ?>> data = (List<Map<?, ?>>) status.get("data");
        return data;
    }

    private static Map<?, ?> metadata(Map<?, ?> document) {
        return (Map<?, ?>) document.get("metadata");
    }

    private static PageRecord.Builder fetched(UUID id, String url, int depth) {
        return PageRecord.of(id, url, depth, FetchOutcome.FETCHED)
                .finalUrl(url)
                .status(200)
                .contentType("text/html; charset=utf-8")
                .title("Home")
                .description("The home page")
                .language("en")
                .markdown("# Home\n\nWelcome.")
                .links(List.of("http://example.test/a", "http://example.test/b"));
    }

    private void journal(UUID id, PageRecord... pages) throws IOException {
        FirecrawlTestJobs.journal(resultsDir, id, pages);
    }

    /** Moves the job on as the exporter would. */
    private void update(UUID id, JobStatus status, int admitted, Integer total, int crawled, int failed, int written) {
        Job job = jobs.findById(id).orElseThrow();
        Instant now = Instant.now();
        jobs.update(new Job(
                id,
                job.url(),
                status,
                job.format(),
                job.request(),
                null,
                job.publishedAt(),
                admitted,
                total,
                crawled,
                failed,
                0,
                0,
                null,
                job.createdAt(),
                now,
                status.isFinal() ? now : null,
                null,
                null,
                0,
                0,
                0,
                written,
                now,
                null));
    }
}
