package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import io.simplecrawler.localstack.ServiceProcess;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.HostileRoutes;
import io.simplecrawler.testkit.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two jobs on hostile sites of 127.0.0.1 and a normal job on 127.0.0.2, at once, through the
 * whole pipeline with the fetcher in a JVM of 512 MB of heap (as in the local stack): every
 * hostile page, robots.txt and sitemap ends within its limits, the normal job completes with all
 * its pages meanwhile, and the fetcher's heap stays bounded (its peak is printed) and it survives.
 */
class HostileSitesTest {
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(4);
    private static final long TIMEOUT_MS = 10_000;
    private static final String ROBOTS_HEAD = "User-agent: *\nDisallow: /early\n";
    private static final List<String> HOSTILE_PAGES = List.of(
            "/gzip-bomb",
            "/endless",
            "/trickle",
            "/links",
            "/nested-div",
            "/nested-ul",
            "/nested-b",
            "/charset-wrong",
            "/charset-unknown",
            "/early",
            "/late");

    private final CrawlApi api = Pipeline.api();

    @Test
    void hostileSitesEndWithinTheirLimitsWhileANormalJobCompletes() throws IOException {
        ServiceProcess fetcher = Pipeline.processes().process("fetcher-1");
        try (TestSite pages = hostilePages().start();
                TestSite sitemaps = hostileSitemaps().start();
                LoopbackSite normal = LoopbackSite.start("127.0.0.2", 20);
                HeapWatch heap = HeapWatch.of(fetcher)) {
            UUID pagesJob = api.submit(Map.of("url", pages.url("/"), "maxDepth", 1, "timeoutMs", TIMEOUT_MS));
            UUID sitemapsJob = api.submit(Map.of(
                    "url",
                    sitemaps.url("/"),
                    "maxDepth",
                    1,
                    "maxPages",
                    50,
                    "useSitemap",
                    true,
                    "timeoutMs",
                    TIMEOUT_MS));
            UUID normalJob = api.submit(Map.of("url", normal.url("/"), "maxDepth", 1));

            Map<String, Object> normalDone = api.awaitFinished(normalJob, JOB_DEADLINE);
            String hostileWhenNormalDone =
                    api.job(pagesJob).get("status") + "/" + api.job(sitemapsJob).get("status");
            Map<String, Object> pagesDone = api.awaitFinished(pagesJob, JOB_DEADLINE);
            Map<String, Object> sitemapsDone = api.awaitFinished(sitemapsJob, JOB_DEADLINE);

            System.out.printf(
                    Locale.ROOT,
                    "Fetcher heap: peak used %d MiB of %d MiB (%d samples); hostile jobs were %s when the normal one completed%n",
                    heap.peakUsedBytes() >> 20,
                    heap.maxBytes() >> 20,
                    heap.samples(),
                    hostileWhenNormalDone);
            assertEquals("completed", normalDone.get("status"), normalDone.toString());
            assertEquals(
                    normal.pageUrls(),
                    Pipeline.pages(normalJob).stream()
                            .map(PageRecord::url)
                            .collect(Collectors.toCollection(TreeSet::new)));
            assertEquals("completed", pagesDone.get("status"), pagesDone.toString());
            assertEquals("completed", sitemapsDone.get("status"), sitemapsDone.toString());
            assertHostilePagesEndedWithinTheirLimits(pages, pagesJob);
            assertSitemapsAddedAtMostTheBudget(sitemaps, sitemapsJob);

            assertTrue(fetcher.isAlive() && fetcher.isHealthy(), "the fetcher survived");
            String log = Files.readString(fetcher.logFile(), StandardCharsets.UTF_8);
            assertFalse(
                    log.contains("OutOfMemoryError") || log.contains("StackOverflowError"),
                    "no OOM, no stack overflow");
            assertTrue(
                    heap.samples() > 0 && heap.peakUsedBytes() < heap.maxBytes(),
                    "the heap was watched and stayed under -Xmx");
        }
    }

    private void assertHostilePagesEndedWithinTheirLimits(TestSite site, UUID job) throws IOException {
        Map<String, PageRecord> byPath = Pipeline.pages(job).stream()
                .collect(Collectors.toMap(p -> p.url().substring(site.baseUrl().length()), Function.identity()));
        assertTrue(byPath.keySet().containsAll(HOSTILE_PAGES), byPath.keySet().toString());
        for (String path : List.of("/gzip-bomb", "/endless")) {
            PageRecord page = byPath.get(path);
            boolean cutAtMaxBytes = page.outcome() == FetchOutcome.FETCHED && Boolean.TRUE.equals(page.truncated());
            boolean timedOut =
                    page.outcome() == FetchOutcome.FAILED && page.error().startsWith("timed out");
            assertTrue(cutAtMaxBytes || timedOut, path + ": " + page.outcome() + " " + page.error());
        }
        assertEquals(
                "timed out after " + TIMEOUT_MS + " ms (3 attempts)",
                byPath.get("/trickle").error());
        assertEquals(
                FetchOutcome.FETCHED,
                byPath.get("/links").outcome(),
                byPath.get("/links").error());
        for (String path : List.of("/nested-div", "/nested-ul", "/nested-b", "/charset-wrong", "/charset-unknown")) {
            assertEquals(
                    FetchOutcome.FETCHED,
                    byPath.get(path).outcome(),
                    path + ": " + byPath.get(path).error());
        }
        assertEquals(FetchOutcome.BLOCKED, byPath.get("/early").outcome(), "robots.txt's first rule counts");
        assertEquals(404, byPath.get("/late").status(), "a rule after 512 KiB of robots.txt does not");
        assertEquals(1, site.requestCount("/robots.txt"));
        assertEquals(0, site.requestCount("/link/0"), "the 100,000 links are at depth 2");
    }

    private static void assertSitemapsAddedAtMostTheBudget(TestSite site, UUID job) throws IOException {
        Set<String> paths = Pipeline.pages(job).stream()
                .map(p -> p.url().substring(site.baseUrl().length()))
                .collect(Collectors.toSet());
        assertEquals(50, paths.size(), "the budget, filled by the million-URL sitemap: " + paths);
        assertTrue(paths.contains("/m/0"), paths.toString());
        long childSitemaps = site.requests().stream()
                .filter(r -> r.pathAndQuery().startsWith("/sitemaps/"))
                .count();
        assertTrue(childSitemaps < 20, "at most 20 sitemaps of the 5,000 indexed: " + childSitemaps);
    }

    /** "/" links to every hostile page; robots.txt is 50 MB and disallows /early at its top and /late at its end. */
    private static TestSite.Builder hostilePages() {
        TestSite.Builder site = HostileRoutes.withEveryHostilePage(TestSite.tree(1, 1))
                .route("/robots.txt", HostileRoutes.hugeRobotsTxt(ROBOTS_HEAD, 50L * 1024 * 1024, "Disallow: /late\n"));
        HOSTILE_PAGES.forEach(site::linkFromRoot);
        return site;
    }

    /**
     * robots.txt never ends; its Sitemap: lines name a gzip bomb (of URLs on another host), an
     * index of 5,000 sitemaps (missing) and a sitemap of 3,000,000 URLs of the site, in that order.
     */
    private static TestSite.Builder hostileSitemaps() {
        return TestSite.tree(1, 1)
                .route(
                        "/robots.txt",
                        ownUrl(base -> HostileRoutes.endlessRobotsTxt(
                                ROBOTS_HEAD + "Sitemap: " + base + "/sitemap.xml.gz\nSitemap: " + base
                                        + "/sitemap-index.xml\nSitemap: " + base + "/many.xml\n")))
                .route("/sitemap.xml.gz", HostileRoutes.sitemapGzipBomb("http://127.0.0.3:1", "/bomb/", 2048))
                .route("/sitemap-index.xml", ownUrl(base -> HostileRoutes.sitemapIndex(base, "/sitemaps/", 5000)))
                .route("/many.xml", ownUrl(base -> HostileRoutes.sitemapOfMany(base, "/m/", 3_000_000)));
    }

    /** A handler made with the site's own base URL, which the Host header of the request tells. */
    private static HttpHandler ownUrl(Function<String, HttpHandler> handler) {
        return exchange -> handler.apply(
                        "http://" + exchange.getRequestHeaders().getFirst("Host"))
                .handle(exchange);
    }
}
