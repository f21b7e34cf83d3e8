package io.simplecrawler.gateway.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The dashboard's read-only views of a job's pages: list, filters, histograms, one page, throughput. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesEndpointsTest implements TestPropertyProvider {
    private final Path resultsDir = GatewayTestProperties.newResultsDir();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.with(resultsDir);
    }

    @Test
    void listsThePagesOnceEachWithFiltersAndHistograms() throws IOException {
        UUID job = submit();
        PageRecord home = fetched(job, "http://site.test/", 0, 200, 40, "Home")
                .markdown("# Home")
                .build();
        PageRecord docs =
                fetched(job, "http://site.test/docs", 1, 200, 250, "Docs").build();
        PageRecord missing = PageRecord.of(job, "http://site.test/gone", 1, FetchOutcome.FAILED)
                .status(404)
                .fetchMs(5_000)
                .error("HTTP 404")
                .build();
        // a line written twice (a crash between the journal and the database) and a half-written last line
        journal(job, line(home) + line(docs) + line(home) + line(missing) + "{\"jobId\":\"" + job + "\",\"url\":\"ht");

        Map<?, ?> all = get("/jobs/" + job + "/pages");
        assertEquals(3, all.get("total"), all.toString());
        List<?> pages = (List<?>) all.get("pages");
        assertEquals(
                List.of("http://site.test/", "http://site.test/docs", "http://site.test/gone"),
                pages.stream().map(p -> ((Map<?, ?>) p).get("url")).toList(),
                "in the order written, each once");
        assertEquals(Map.of("FAILED", 1, "FETCHED", 2), all.get("outcomes"));
        assertEquals(Map.of("200", 2, "404", 1), all.get("statusCodes"));
        assertEquals(Map.of("0", 1, "1", 2), all.get("depths"));
        assertEquals(
                List.of("0-100 ms", "100-300 ms", "300-1000 ms", "1000-3000 ms", ">=3000 ms"),
                List.copyOf(((Map<?, ?>) all.get("fetchTimes")).keySet()),
                "every range, fastest first");
        assertEquals(
                Map.of("0-100 ms", 1, "100-300 ms", 1, "300-1000 ms", 0, "1000-3000 ms", 0, ">=3000 ms", 1),
                all.get("fetchTimes"));

        Map<?, ?> failed = get("/jobs/" + job + "/pages?outcome=FAILED");
        assertEquals(1, failed.get("total"));
        assertEquals(
                3,
                ((Map<?, ?>) failed.get("depths"))
                        .values().stream().mapToInt(n -> (Integer) n).sum(),
                "histograms count every page, whatever the filter");
        assertEquals(1, get("/jobs/" + job + "/pages?q=DOCS").get("total"), "the title matches, case-insensitive");
        assertEquals(1, get("/jobs/" + job + "/pages?q=gone").get("total"), "the URL matches");
        Map<?, ?> slice = get("/jobs/" + job + "/pages?limit=1&offset=1");
        assertEquals(3, slice.get("total"));
        assertEquals("http://site.test/docs", ((Map<?, ?>) ((List<?>) slice.get("pages")).get(0)).get("url"));
    }

    @Test
    void onePageWithItsMarkdownOr404() throws IOException {
        UUID job = submit();
        journal(
                job,
                line(fetched(job, "http://site.test/a?x=1&y=2", 0, 200, 10, "<script>alert(1)</script>")
                        .markdown("# A\n[x](javascript:alert(1))")
                        .build()));
        Map<?, ?> page = get("/jobs/" + job + "/page?url="
                + java.net.URLEncoder.encode("http://site.test/a?x=1&y=2", StandardCharsets.UTF_8));
        assertEquals("# A\n[x](javascript:alert(1))", page.get("markdown"), "as crawled: the client sanitises it");
        assertEquals("<script>alert(1)</script>", ((Map<?, ?>) page.get("page")).get("title"));

        assertStatus(HttpStatus.NOT_FOUND, "/jobs/" + job + "/page?url=http://site.test/other");
        assertStatus(HttpStatus.NOT_FOUND, "/jobs/" + UUID.randomUUID() + "/pages");
        assertStatus(HttpStatus.BAD_REQUEST, "/jobs/" + job + "/page");
    }

    @Test
    void aJobWithoutPagesYetHasAnEmptyListAndNoThroughput() {
        UUID job = submit();
        Map<?, ?> none = get("/jobs/" + job + "/pages");
        assertEquals(0, none.get("total"));
        assertEquals(Map.of(), none.get("outcomes"));
        assertEquals(List.of(), throughput(job));
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        UUID job = submit();
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve("/jobs/" + job + "/pages?outcome=EXPLODED&limit=0", Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        String body = refused.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains("\"field\":\"outcome\"") && body.contains("\"field\":\"limit\""), body);
    }

    @Test
    void throughputCountsThePagesWrittenPerSecond() {
        UUID job = submit();
        Instant second = Instant.parse("2026-01-02T03:04:05Z");
        exported(job, "http://site.test/1", second.plusMillis(100));
        exported(job, "http://site.test/2", second.plusMillis(900));
        exported(job, "http://site.test/3", second.plusSeconds(3));
        List<Map<String, Object>> points = throughput(job);
        assertEquals(2, points.size(), points.toString());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), Instant.parse((String)
                points.get(0).get("second")));
        assertEquals(2, points.get(0).get("pages"));
        assertEquals(Instant.parse("2026-01-02T03:04:08Z"), Instant.parse((String)
                points.get(1).get("second")));
        assertEquals(1, points.get(1).get("pages"));
    }

    private UUID submit() {
        Map<?, ?> job =
                http.toBlocking().retrieve(HttpRequest.POST("/crawl", Map.of("url", "http://site.test/")), Map.class);
        return UUID.fromString((String) job.get("id"));
    }

    private List<Map<String, Object>> throughput(UUID job) {
        return http.toBlocking()
                .retrieve(
                        HttpRequest.GET("/jobs/" + job + "/throughput"),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private Map<?, ?> get(String path) {
        return http.toBlocking().retrieve(path, Map.class);
    }

    private void assertStatus(HttpStatus status, String path) {
        HttpClientResponseException e = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().retrieve(path, Map.class));
        assertEquals(status, e.getStatus(), path);
    }

    private static PageRecord.Builder fetched(UUID job, String url, int depth, int status, long fetchMs, String title) {
        return PageRecord.of(job, url, depth, FetchOutcome.FETCHED)
                .finalUrl(url)
                .status(status)
                .fetchMs(fetchMs)
                .title(title);
    }

    private static String line(PageRecord page) {
        return EventJson.writeString(page) + "\n";
    }

    private void journal(UUID job, String lines) throws IOException {
        Path folder = Files.createDirectories(resultsDir.resolve(job.toString()));
        Files.writeString(folder.resolve("pages.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private void exported(UUID job, String url, Instant at) {
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection()
                    .prepareStatement(
                            "INSERT INTO exported_pages (job_id, url, outcome, bytes, exported_at) VALUES (?, ?, 'FETCHED', 1, ?)")) {
                insert.setObject(1, job);
                insert.setString(2, url);
                insert.setTimestamp(3, Timestamp.from(at));
                return insert.executeUpdate();
            }
        });
    }
}
