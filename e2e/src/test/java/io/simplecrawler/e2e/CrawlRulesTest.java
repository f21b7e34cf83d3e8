package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import io.simplecrawler.schemas.CrawlFact;
import io.simplecrawler.schemas.CrawlFinished;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.SiteRequest;
import io.simplecrawler.testkit.SiteRoutes;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestSite;
import io.simplecrawler.testkit.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The crawl engine's rules end to end, over REST, through every service process, against one
 * site on 127.0.0.1 that has them all: robots.txt with Disallow, Crawl-delay and a Sitemap line,
 * duplicate spellings, a canonical link, redirects and a loop, 404 and 429 answers, a huge, a gzip
 * and a non-HTML page, and an endless calendar. Politeness is checked from the site's request log.
 */
class CrawlRulesTest {
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(3);
    private static final long CRAWL_DELAY_MS = 300;

    private final CrawlApi api = Pipeline.api();

    @Test
    void aCrawlFollowsEveryRuleAndIsPoliteToTheSite() throws IOException {
        try (TestSite site = ruleSite().start();
                TopicReader facts = new TopicReader(TestKafka.bootstrapServers(), Topics.FRONTIER)) {
            Map<String, Object> request = new HashMap<>(Map.of(
                    "url",
                    site.url("/"),
                    "maxDepth",
                    4,
                    "maxPages",
                    200,
                    "delayMs",
                    100,
                    "concurrency",
                    2,
                    "maxBytes",
                    50_000,
                    "useSitemap",
                    true));
            request.put("excludePaths", List.of("^/n2/"));
            UUID id = api.submit(request);

            Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);
            assertEquals("completed", job.get("status"), job.toString());

            Map<String, PageRecord> pages = pagesByPath(id);
            Map<String, FetchOutcome> outcomes = pages.entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().outcome()));
            Map<String, FetchOutcome> expected = new HashMap<>();
            for (String path : List.of(
                    "/",
                    "/n0",
                    "/n1",
                    "/n2",
                    "/n0/n0",
                    "/n0/n1",
                    "/n0/n2",
                    "/n1/n0",
                    "/n1/n1",
                    "/n1/n2",
                    "/calendar/",
                    "/calendar/next/",
                    "/calendar/next/?view=week",
                    "/calendar/next/next/",
                    "/calendar/next/next/?view=week",
                    "/print?page=a",
                    "/more",
                    "/more/deeper",
                    "/moved",
                    "/busy",
                    "/gzip",
                    "/huge",
                    "/orphan")) {
                expected.put(path, FetchOutcome.FETCHED);
            }
            expected.put("/private/secret", FetchOutcome.BLOCKED);
            expected.put("/old-home", FetchOutcome.DUPLICATE);
            expected.put("/loop-a", FetchOutcome.FAILED);
            expected.put("/status/404", FetchOutcome.FAILED);
            expected.put("/report.pdf", FetchOutcome.SKIPPED);
            assertEquals(expected, outcomes, "one record per admitted URL, each spelling of a page once");

            assertEquals(site.url("/new-place"), pages.get("/moved").finalUrl());
            assertEquals(site.url("/n2"), pages.get("/old-home").finalUrl());
            assertTrue(
                    pages.get("/loop-a").error().startsWith("redirect loop"),
                    pages.get("/loop-a").error());
            assertEquals(site.url("/article-a"), pages.get("/print?page=a").canonicalUrl());
            assertEquals(Boolean.TRUE, pages.get("/huge").truncated());
            assertEquals("Compressed", pages.get("/gzip").title());
            assertEquals("Recovered", pages.get("/busy").title());
            assertNull(pages.get("/n0").truncated());

            assertEquals(0, site.requestCount("/private/secret"), "disallowed by robots.txt");
            assertEquals(0, site.requestCount("/article-a"), "the canonical URL of a page already crawled");
            assertEquals(0, site.requestCount("/n2/n0"), "excluded path");
            assertEquals(0, site.requestCount("/calendar/next/next/next/"), "a path repeating a segment thrice");
            assertEquals(1, site.requestCount("/robots.txt"));
            for (String path : List.of("/n0", "/n1", "/n2", "/orphan", "/new-place")) {
                assertEquals(1, site.requestCount(path), path + " requested once");
            }
            CrawlFinished crawled = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> facts.values(Topics.FRONTIER, CrawlFact.class).stream()
                                    .filter(fact -> fact.jobId().equals(id) && fact instanceof CrawlFinished)
                                    .map(CrawlFinished.class::cast)
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertEquals(2L, crawled.filtered(), "the two spellings of /calendar/next/next/next/");
            Map<String, Object> counted = api.job(id);
            assertEquals(1, counted.get("robotsBlocked"), counted.toString());
            assertEquals(1, counted.get("pagesSkipped"), counted.toString());
            assertEquals(2, counted.get("linksFiltered"), counted.toString());
            assertPolite(site, 2, CRAWL_DELAY_MS);
        }
    }

    /** Per host: no more than {@code concurrency} requests in flight, starts at least {@code delayMs} apart. */
    private static void assertPolite(TestSite site, int concurrency, long delayMs) {
        Map<String, List<SiteRequest>> byHost = site.requests().stream()
                .sorted(Comparator.comparingLong(SiteRequest::startNanos))
                .collect(Collectors.groupingBy(SiteRequest::host));
        for (List<SiteRequest> requests : byHost.values()) {
            for (int i = 1; i < requests.size(); i++) {
                long gapMs = Duration.ofNanos(requests.get(i).startNanos()
                                - requests.get(i - 1).startNanos())
                        .toMillis();
                assertTrue(gapMs >= delayMs, gapMs + " ms between " + requests.get(i - 1) + " and " + requests.get(i));
            }
            for (SiteRequest request : requests) {
                long inFlight = requests.stream()
                        .filter(other ->
                                other.startNanos() <= request.startNanos() && other.endNanos() > request.startNanos())
                        .count();
                assertTrue(inFlight <= concurrency, inFlight + " in flight when " + request + " started");
            }
        }
    }

    private static TestSite.Builder ruleSite() {
        String print = "<html><head><title>Print</title><link rel=\"canonical\" href=\"/article-a\"></head>"
                + "<body><p>Article A, printable.</p></body></html>";
        TestSite.Builder site = TestSite.tree(3, 2)
                .route("/robots.txt", robotsTxt())
                .route(
                        "/maps/index.xml",
                        xml(
                                """
                        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                          <sitemap><loc>http://HOST/maps/pages.xml</loc></sitemap>
                        </sitemapindex>"""))
                .route(
                        "/maps/pages.xml",
                        xml(
                                """
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                          <url><loc>http://HOST/orphan</loc></url>
                          <url><loc>http://HOST/n0</loc></url>
                          <url><loc>http://127.0.0.2:1/elsewhere</loc></url>
                        </urlset>"""))
                .route("/orphan", SiteRoutes.html(SiteRoutes.page("Orphan")))
                .route("/calendar/", SiteRoutes.calendar())
                .route("/print", SiteRoutes.html(print))
                .route("/more/deeper", SiteRoutes.html(SiteRoutes.page("Deeper", "/article-a")))
                .route("/more", SiteRoutes.html(SiteRoutes.page("More", "/more/deeper")))
                .route("/article-a", SiteRoutes.html(SiteRoutes.page("Article A")))
                .route("/old-home", SiteRoutes.redirect(301, "/n2"))
                .route("/moved", SiteRoutes.redirect(301, "/new-place"))
                .route("/new-place", SiteRoutes.html(SiteRoutes.page("New place")))
                .route("/loop-a", SiteRoutes.redirect(302, "/loop-b"))
                .route("/loop-b", SiteRoutes.redirect(302, "/loop-a"))
                .route("/busy", SiteRoutes.failing(1, 429, Map.of("Retry-After", "1")))
                .route("/gzip", SiteRoutes.gzip(SiteRoutes.page("Compressed")))
                .route("/huge", SiteRoutes.huge("Huge", 200_000, false))
                .resource("/report.pdf", 200, "application/pdf", "%PDF-1.4");
        for (String link : List.of(
                "/./n1",
                "/x/../n2#top",
                "/private/secret",
                "/calendar/",
                "/print?page=a",
                "/more",
                "/old-home",
                "/moved",
                "/loop-a",
                "/status/404",
                "/busy",
                "/gzip",
                "/huge",
                "/report.pdf")) {
            site.linkFromRoot(link);
        }
        return site;
    }

    /** Disallow, a Crawl-delay above the job's delay, and a Sitemap line with the site's own address. */
    private static HttpHandler robotsTxt() {
        return exchange -> {
            String host = exchange.getRequestHeaders().getFirst("Host");
            String body = "User-agent: *\nDisallow: /private\nCrawl-delay: " + CRAWL_DELAY_MS / 1000.0
                    + "\nSitemap: http://" + host + "/maps/index.xml\n";
            SiteRoutes.fixed(200, "text/plain", body, Map.of()).handle(exchange);
        };
    }

    private static HttpHandler xml(String template) {
        return exchange -> {
            String body = template.replace("HOST", exchange.getRequestHeaders().getFirst("Host"));
            SiteRoutes.fixed(200, "application/xml", body, Map.of()).handle(exchange);
        };
    }

    private static Map<String, PageRecord> pagesByPath(UUID id) throws IOException {
        List<PageRecord> pages = java.nio.file.Files.readAllLines(
                        Pipeline.resultsDir().resolve(id.toString()).resolve("pages.jsonl"))
                .stream()
                .map(line -> io.simplecrawler.schemas.EventJson.read(
                        line.getBytes(StandardCharsets.UTF_8), PageRecord.class))
                .toList();
        Map<String, PageRecord> byPath =
                pages.stream().collect(Collectors.toMap(CrawlRulesTest::pathAndQuery, Function.identity()));
        assertEquals(pages.size(), byPath.size(), "each page once in pages.jsonl");
        return byPath;
    }

    private static String pathAndQuery(PageRecord page) {
        URI uri = URI.create(page.url());
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
