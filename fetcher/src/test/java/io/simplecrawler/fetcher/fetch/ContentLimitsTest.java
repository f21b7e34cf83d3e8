package io.simplecrawler.fetcher.fetch;

import static io.simplecrawler.fetcher.FetchTasks.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.fetcher.RunningFetcherTest;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.SiteRoutes;
import io.simplecrawler.testkit.TestSite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What is parsed, how much of it, and for how long the fetcher waits for it. */
@MicronautTest
class ContentLimitsTest extends RunningFetcherTest {
    private static final int MAX_BYTES = 100_000;

    @Test
    void parsesHtmlAndXhtmlDecompressesGzipAndCutsBodiesAtMaxBytes() {
        String xhtml =
                "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>X</title></head><body>x</body></html>";
        try (TestSite site = TestSite.tree(1, 1)
                .route("/gzip", SiteRoutes.gzip(SiteRoutes.page("Compressed", "/n0")))
                .route("/huge", SiteRoutes.huge("Huge", 3 * MAX_BYTES, false))
                .route("/bomb", SiteRoutes.huge("Bomb", 50 * MAX_BYTES, true))
                .route("/exact", SiteRoutes.huge("Exact", MAX_BYTES, false))
                .route("/page.xhtml", SiteRoutes.fixed(200, "application/xhtml+xml", xhtml, Map.of()))
                .resource("/file.pdf", 200, "application/pdf", "%PDF-1.4")
                .start()) {
            UUID job = tasks.job(settings(site, 5000, MAX_BYTES));
            List<String> paths = List.of("/gzip", "/huge", "/bomb", "/exact", "/page.xhtml", "/file.pdf");
            paths.forEach(path -> tasks.fetch(job, site.url(path)));

            Map<String, PageRecord> pages = tasks.awaitPages(job, paths.size());

            PageRecord gzip = pages.get(site.url("/gzip"));
            assertEquals(FetchOutcome.FETCHED, gzip.outcome());
            assertEquals("Compressed", gzip.title());
            assertEquals(List.of(site.url("/n0")), gzip.links());
            assertEquals(SiteRoutes.page("Compressed", "/n0").length(), gzip.bytes(), "bytes after decompression");

            PageRecord huge = pages.get(site.url("/huge"));
            assertEquals(FetchOutcome.FETCHED, huge.outcome());
            assertEquals(Boolean.TRUE, huge.truncated());
            assertEquals(MAX_BYTES, huge.bytes());
            assertEquals("Huge", huge.title());

            PageRecord bomb = pages.get(site.url("/bomb"));
            assertEquals(Boolean.TRUE, bomb.truncated(), "a gzip body is limited after decompression");
            assertEquals(MAX_BYTES, bomb.bytes());

            PageRecord exact = pages.get(site.url("/exact"));
            assertNull(exact.truncated());
            assertEquals(MAX_BYTES, exact.bytes());

            assertEquals(
                    FetchOutcome.FETCHED, pages.get(site.url("/page.xhtml")).outcome());
            assertEquals("X", pages.get(site.url("/page.xhtml")).title());

            PageRecord pdf = pages.get(site.url("/file.pdf"));
            assertEquals(FetchOutcome.SKIPPED, pdf.outcome());
            assertEquals("not HTML: application/pdf", pdf.error());
            assertEquals(0, pdf.bytes());
        }
    }

    @Test
    void aServerThatTricklesIsCutOffAtTheTimeout() {
        try (TestSite site = TestSite.tree(1, 1)
                .route("/trickle", SiteRoutes.trickle(Duration.ofMillis(100)))
                .start()) {
            UUID job = tasks.job(settings(site, 0, 4, 1000));
            tasks.fetch(job, site.url("/trickle"));

            PageRecord page = tasks.awaitPages(job, 1).get(site.url("/trickle"));

            assertEquals(FetchOutcome.FAILED, page.outcome());
            assertEquals("timed out after 1000 ms (3 attempts)", page.error());
            assertTrue(
                    page.fetchMs() < 5000,
                    "each of the 3 attempts stopped at 1 s, not at the body's end: " + page.fetchMs());
        }
    }
}
