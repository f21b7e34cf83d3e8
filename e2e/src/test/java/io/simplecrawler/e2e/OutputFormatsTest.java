package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.TestSite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Each output format on real documentation pages (the PostgreSQL manual from Debian's
 * postgresql-doc, served from 127.0.0.1), crawled through the whole pipeline: headings, tables
 * and code blocks survive, navigation does not. Also a WARC read back record by record,
 * non-UTF-8 pages, and a seed that answers 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputFormatsTest {
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(2);
    /** A page of the manual with a data table, code examples and DocBook's navigation header and footer. */
    private static final String SEED = "/docs/datatype-numeric.html";

    private static final int PAGES = 6;

    private final CrawlApi api = Pipeline.api();
    private TestSite site;
    private final Map<String, UUID> jobs = new HashMap<>();

    @BeforeAll
    void crawlTheManualInEveryFormat() {
        Path manual = DebianDocs.postgresManual();
        site = TestSite.tree(0, 0)
                .route("/docs/", new StaticFiles("/docs/", manual))
                .start();
        for (String format : List.of("markdown", "json", "readable", "summary")) {
            jobs.put(
                    format,
                    api.submit(Map.of(
                            "url",
                            site.url(SEED),
                            "maxDepth",
                            1,
                            "maxPages",
                            PAGES,
                            "format",
                            format,
                            "warc",
                            format.equals("markdown"))));
        }
        jobs.forEach((format, id) ->
                assertEquals("completed", api.awaitFinished(id, JOB_DEADLINE).get("status"), format));
    }

    @AfterAll
    void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void markdownKeepsHeadingsTablesAndCodeBlocksAndDropsNavigation() throws IOException {
        String markdown = api.results(jobs.get("markdown")).body();

        assertEquals(
                PAGES, markdown.lines().filter(line -> line.startsWith("## ")).count(), "a section per page");
        String seed = section(markdown, "Numeric Types");
        assertTrue(seed.lines().anyMatch(line -> line.matches("#{3,6} .*Integer Types")), seed);
        assertTrue(
                seed.lines().anyMatch(line -> line.startsWith("|") && line.contains("smallint")),
                "the data table:\n" + seed);
        assertTrue(seed.contains("```\n"), "code blocks are fenced:\n" + seed);
        assertTrue(seed.contains("NUMERIC("), seed);
        assertNavigationDropped(markdown);
    }

    @Test
    void jsonHasEachPagesHeadingsLinksAndWordCount() throws IOException {
        JsonNode results =
                EventJson.mapper().readTree(api.results(jobs.get("json")).body());

        assertEquals(PAGES, results.path("pages").size());
        JsonNode seed = results.path("pages").get(0);
        assertEquals(site.url(SEED), seed.path("url").asText());
        assertEquals(0, seed.path("depth").asInt());
        assertTrue(seed.path("wordCount").asInt() > 500, seed.path("wordCount").toString());
        assertTrue(seed.path("headings").findValuesAsText("text").stream()
                .anyMatch(text -> text.contains("Integer Types")));
        assertTrue(seed.path("links").path("internal").size() > 5);
        assertTrue(seed.path("markdown").asText().contains("smallint"));
        assertNavigationDropped(seed.path("markdown").asText());
    }

    @Test
    void readableKeepsTheMainContentWithoutNavigation() throws IOException {
        String readable = api.results(jobs.get("readable")).body();

        String seed = section(readable, "Numeric Types");
        assertTrue(seed.contains("smallint"), seed);
        assertTrue(seed.contains("```"), seed);
        assertNavigationDropped(readable);
    }

    @Test
    void summaryHasAnOverviewAndAShortSummaryPerPage() throws IOException {
        String summary = api.results(jobs.get("summary")).body();

        assertTrue(summary.contains("## Overview\n\n" + PAGES + " pages fetched"), summary);
        assertTrue(
                summary.contains("### Sections\n\n- `127.0.0.1:" + site.port() + "` (" + PAGES
                        + " pages)\n  - `docs/` (" + PAGES + " pages)"),
                summary);
        assertTrue(summary.contains("### Key terms\n\n"), summary);
        assertEquals(
                PAGES,
                summary.lines()
                        .filter(line -> line.startsWith("**Keywords:** "))
                        .count(),
                summary);
        String seed = section(summary, "Numeric Types");
        long sentences = seed.lines()
                .filter(line -> !line.isBlank()
                        && !line.startsWith("#")
                        && !line.startsWith("Source:")
                        && !line.startsWith("**"))
                .findFirst()
                .orElse("")
                .split("(?<=[.!?]) ")
                .length;
        assertTrue(sentences >= 3 && sentences <= 6, seed);
    }

    @Test
    void theWarcOfACrawlHoldsARequestAndAResponsePerFetch() throws IOException {
        Path warc = Pipeline.resultsDir().resolve(jobs.get("markdown") + "/crawl.warc.gz");
        List<String> types = new ArrayList<>();
        List<String> responseTargets = new ArrayList<>();
        Map<String, String> seedPayload = new HashMap<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                WarcRecord record = next.get();
                types.add(record.type());
                if (record instanceof WarcResponse response) {
                    responseTargets.add(response.target());
                    assertEquals(200, response.http().status());
                    if (response.target().endsWith(SEED)) {
                        seedPayload.put(
                                "body",
                                new String(response.http().body().stream().readAllBytes(), StandardCharsets.UTF_8));
                    }
                } else if (record instanceof WarcRequest request) {
                    assertEquals(1, request.concurrentTo().size());
                    assertEquals("GET", request.http().method());
                } else {
                    assertTrue(record instanceof Warcinfo, record.type());
                }
            }
        }
        assertEquals("warcinfo", types.get(0));
        assertEquals(PAGES, responseTargets.size(), responseTargets.toString());
        assertEquals(PAGES, types.stream().filter("request"::equals).count());
        assertTrue(seedPayload.get("body").contains("Numeric Types</title>"), "the page as served");
        JsonNode manifest = EventJson.mapper()
                .readTree(Pipeline.resultsDir()
                        .resolve(jobs.get("markdown") + "/manifest.json")
                        .toFile());
        assertEquals(
                List.of("pages.jsonl", "results.md", "crawl.warc.gz"),
                manifest.path("files").findValuesAsText("name"));
    }

    @Test
    void pagesInOtherCharsetsAreDecoded() throws IOException {
        Charset windows1252 = Charset.forName("windows-1252");
        Charset shiftJis = Charset.forName("Shift_JIS");
        try (TestSite charsets = TestSite.tree(0, 0)
                .route(
                        "/header",
                        exchange -> send(
                                exchange,
                                "text/html; charset=windows-1252",
                                "<title>Caf\u00e9 \u20ac</title><p>\u00c4pfel und Birnen</p><a href=\"/meta\">next</a>"
                                        .getBytes(windows1252)))
                .route(
                        "/meta",
                        exchange -> send(
                                exchange,
                                "text/html",
                                "<meta charset=\"Shift_JIS\"><title>\u65e5\u672c\u8a9e</title><p>\u6587\u66f8</p>"
                                        .getBytes(shiftJis)))
                .start()) {
            UUID id = api.submit(Map.of("url", charsets.url("/header"), "maxDepth", 1, "format", "json"));

            assertEquals("completed", api.awaitFinished(id, JOB_DEADLINE).get("status"));

            Map<String, PageRecord> pages = new HashMap<>();
            for (String line : Files.readAllLines(Pipeline.resultsDir().resolve(id + "/pages.jsonl"))) {
                PageRecord page = EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class);
                pages.put(page.url(), page);
            }
            assertEquals("Caf\u00e9 \u20ac", pages.get(charsets.url("/header")).title());
            assertEquals(
                    "\u00c4pfel und Birnen next",
                    pages.get(charsets.url("/header")).text());
            assertEquals("\u65e5\u672c\u8a9e", pages.get(charsets.url("/meta")).title());
            assertEquals("\u6587\u66f8", pages.get(charsets.url("/meta")).markdown());
        }
    }

    @Test
    void aJobWhoseSeedAnswers404FailsSayingSo() {
        try (TestSite missing = TestSite.tree(0, 0).start()) {
            UUID id = api.submit(Map.of("url", missing.url("/status/404"), "maxDepth", 1));

            Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);

            assertEquals("failed", job.get("status"), job.toString());
            assertEquals("seed " + missing.url("/status/404") + " failed: HTTP 404", job.get("error"));
        }
    }

    /** From the "## " heading that contains {@code title} to the next one. */
    private static String section(String markdown, String title) {
        int start = markdown.indexOf("\n## ", markdown.indexOf("## ") - 1);
        while (start >= 0
                && !markdown.substring(start, markdown.indexOf('\n', start + 1)).contains(title)) {
            start = markdown.indexOf("\n## ", start + 1);
        }
        assertTrue(start >= 0, "no section " + title + " in:\n" + markdown);
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    /** DocBook's navigation header and footer: "Prev", "Up", "Home", "Next" links in tables. */
    private static void assertNavigationDropped(String markdown) {
        for (String navigation : List.of("[Prev](", "[Next](", "[Up](", "[Home](")) {
            assertFalse(markdown.contains(navigation), () -> navigation + " survived");
        }
    }

    private static void send(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
