package io.simplecrawler.fetcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.HostileRoutes;
import io.simplecrawler.testkit.SiteRoutes;
import io.simplecrawler.testkit.TestSite;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Sites that attack the crawler: each page, robots.txt and sitemap settles within the job's
 * limits (maxBytes, timeoutMs, the sitemap caps) and its records fit in a Kafka record.
 */
@MicronautTest
class HostileSitesTest extends RunningFetcherTest {
    /** Long enough to read maxBytes on a busy machine; a trickle is cut off at {@link #TRICKLE_TIMEOUT_MS}. */
    private static final long TIMEOUT_MS = 10_000;

    private static final long TRICKLE_TIMEOUT_MS = 2000;
    /** Twice what a Kafka record holds, so that text and Markdown alone would overflow one. */
    private static final long MAX_BYTES = 2 * 1024 * 1024;
    /** Kafka's default max.request.size. */
    private static final int KAFKA_RECORD_BYTES = 1024 * 1024;

    private static final String ROBOTS_HEAD = "User-agent: *\nDisallow: /early\n";

    @Test
    void everyHostilePageSettlesWithinTheJobsLimits() {
        try (TestSite site =
                HostileRoutes.withEveryHostilePage(TestSite.tree(1, 1)).start()) {
            UUID job = tasks.job(FetchTasks.settings(site, TIMEOUT_MS, MAX_BYTES));
            UUID trickleJob = tasks.job(FetchTasks.settings(site, TRICKLE_TIMEOUT_MS, JobSettings.DEFAULT_MAX_BYTES));
            tasks.fetch(trickleJob, site.url("/trickle"));
            List<String> paths = List.of(
                    "/gzip-bomb",
                    "/endless",
                    "/links",
                    "/nested-div",
                    "/nested-ul",
                    "/nested-b",
                    "/charset-wrong",
                    "/charset-unknown");
            paths.forEach(path -> tasks.fetch(job, site.url(path)));

            Map<String, PageRecord> pages = tasks.awaitPages(job, paths.size());
            Map<String, LinksDiscovered> links = tasks.awaitLinks(job, paths.size());

            pages.values().forEach(page -> assertFitsInAKafkaRecord(page.url(), EventJson.write(page)));
            links.values().forEach(record -> assertFitsInAKafkaRecord(record.sourceUrl(), EventJson.write(record)));

            PageRecord bomb = pages.get(site.url("/gzip-bomb"));
            assertEquals(FetchOutcome.FETCHED, bomb.outcome(), bomb.error());
            assertEquals(Boolean.TRUE, bomb.truncated());
            assertEquals(MAX_BYTES, bomb.bytes(), "inflated up to maxBytes, not 2 GiB");
            assertEquals("Bomb", bomb.title());

            PageRecord endless = pages.get(site.url("/endless"));
            assertEquals(FetchOutcome.FETCHED, endless.outcome(), endless.error());
            assertEquals(Boolean.TRUE, endless.truncated());
            assertEquals(MAX_BYTES, endless.bytes());

            PageRecord trickle = tasks.awaitPages(trickleJob, 1).get(site.url("/trickle"));
            assertEquals(FetchOutcome.FAILED, trickle.outcome());
            assertEquals("timed out after " + TRICKLE_TIMEOUT_MS + " ms (3 attempts)", trickle.error());

            PageRecord manyLinks = pages.get(site.url("/links"));
            assertEquals(FetchOutcome.FETCHED, manyLinks.outcome(), manyLinks.error());
            assertEquals(Boolean.TRUE, manyLinks.truncated(), "cut to fit a Kafka record");
            List<String> discovered = links.get(site.url("/links")).links();
            assertTrue(
                    discovered.size() > 1000,
                    "thousands of the 100,000 links reach the frontier: " + discovered.size());
            assertEquals(site.url("/link/0"), discovered.get(0), "the first ones, in document order");

            for (String tag : List.of("div", "ul", "b")) {
                PageRecord nested = pages.get(site.url("/nested-" + tag));
                assertEquals(FetchOutcome.FETCHED, nested.outcome(), nested.error());
                assertEquals("Nested " + tag, nested.title());
            }

            assertEquals("GrГјГџe", pages.get(site.url("/charset-wrong")).title(), "read as the header says");
            assertEquals("Grüße", pages.get(site.url("/charset-unknown")).title(), "an unknown charset is ignored");
        }
    }

    @Test
    void robotsTxtIsReadUpTo512KibOfAHugeOrEndlessFile() {
        try (TestSite huge = TestSite.tree(1, 1)
                        .route(
                                "/robots.txt",
                                HostileRoutes.hugeRobotsTxt(ROBOTS_HEAD, 50L * 1024 * 1024, "Disallow: /late\n"))
                        .start();
                TestSite endless = TestSite.tree(1, 1)
                        .route("/robots.txt", HostileRoutes.endlessRobotsTxt(ROBOTS_HEAD))
                        .start()) {
            for (TestSite site : List.of(huge, endless)) {
                UUID job = tasks.job(FetchTasks.settings(site, TIMEOUT_MS, JobSettings.DEFAULT_MAX_BYTES));
                tasks.fetch(job, site.url("/early"));
                tasks.fetch(job, site.url("/late"));

                Map<String, PageRecord> pages = tasks.awaitPages(job, 2);

                assertEquals(FetchOutcome.BLOCKED, pages.get(site.url("/early")).outcome(), "a rule at the top counts");
                assertEquals(
                        FetchOutcome.FAILED,
                        pages.get(site.url("/late")).outcome(),
                        "a rule after 512 KiB is not read, so /late was requested (404)");
                assertEquals(1, site.requestCount("/robots.txt"));
            }
        }
    }

    @Test
    void sitemapBombsIndexesOfThousandsAndMillionsOfUrlsAddAtMostTheBudget() {
        int budget = 100;
        try (TestSite bomb =
                        sitemapSite(site -> HostileRoutes.sitemapGzipBomb(site, "/bomb/", 2048), "/sitemap.xml.gz");
                TestSite index = sitemapSite(
                        site -> HostileRoutes.sitemapIndex(site, "/sitemaps/", 5000), "/sitemap-index.xml");
                TestSite millions =
                        sitemapSite(site -> HostileRoutes.sitemapOfMany(site, "/m/", 3_000_000), "/sitemap.xml")) {
            Map<TestSite, UUID> jobs =
                    Map.of(bomb, seed(bomb, budget), index, seed(index, budget), millions, seed(millions, budget));

            List<String> bombLinks = sitemapLinks(bomb, jobs.get(bomb));
            assertEquals(budget, bombLinks.size());
            assertEquals(bomb.url("/bomb/0"), bombLinks.get(0));

            List<String> indexLinks = sitemapLinks(index, jobs.get(index));
            long children = index.requests().stream()
                    .filter(r -> r.pathAndQuery().startsWith("/sitemaps/"))
                    .count();
            assertEquals(19, children, "20 sitemaps read, the index included, of 5,001");
            assertEquals(List.of(), indexLinks, "the children are 404s");

            List<String> millionLinks = sitemapLinks(millions, jobs.get(millions));
            assertEquals(budget, millionLinks.size());
            assertEquals(millions.url("/m/0"), millionLinks.get(0));
        }
    }

    private TestSite sitemapSite(Function<String, HttpHandler> sitemap, String path) {
        TestSite.Builder builder = TestSite.tree(1, 1);
        // the handler needs the site's own URL, known once it runs: the Host header says it
        return builder.route(path, exchange -> sitemap.apply(
                                "http://" + exchange.getRequestHeaders().getFirst("Host"))
                        .handle(exchange))
                .route("/robots.txt", exchange -> SiteRoutes.fixed(
                                200,
                                "text/plain",
                                "Sitemap: http://"
                                        + exchange.getRequestHeaders().getFirst("Host") + path + "\n",
                                Map.of())
                        .handle(exchange))
                .start();
    }

    private UUID seed(TestSite site, int budget) {
        UUID job = tasks.job(new JobSettings(
                site.url("/"),
                budget,
                3,
                OutputFormat.MARKDOWN,
                0,
                2,
                TIMEOUT_MS,
                List.of(),
                List.of(),
                false,
                false,
                true,
                true,
                0,
                false));
        tasks.fetch(job, site.url("/"), 0);
        return job;
    }

    private List<String> sitemapLinks(TestSite site, UUID job) {
        LinksDiscovered seed = tasks.awaitLinks(job, 1).get(site.url("/"));
        assertEquals(FetchOutcome.FETCHED, seed.outcome());
        assertFitsInAKafkaRecord(seed.sourceUrl(), EventJson.write(seed));
        return seed.sitemapLinks();
    }

    private static void assertFitsInAKafkaRecord(String url, byte[] json) {
        assertTrue(json.length < KAFKA_RECORD_BYTES, url + " made a record of " + json.length + " bytes");
    }
}
