package io.simplecrawler.fetcher.robots;

import static io.simplecrawler.fetcher.FetchTasks.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.fetcher.FetchTasks;
import io.simplecrawler.fetcher.RunningFetcherTest;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.SiteRequest;
import io.simplecrawler.testkit.SiteRoutes;
import io.simplecrawler.testkit.TestSite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** robots.txt as RFC 9309 has it, seen from the test site's request log. */
@MicronautTest
class RobotsTxtTest extends RunningFetcherTest {
    private static final String ROBOTS =
            """
            User-agent: *
            Disallow: /

            User-agent: SimpleCrawler
            Disallow: /n1
            Crawl-delay: 1
            """;

    @Test
    void obeysItsGroupNeverRequestsDisallowedUrlsAndWaitsTheCrawlDelay() {
        try (TestSite site = TestSite.tree(3, 1)
                .robotsTxt(ROBOTS)
                .route("/whoami", SiteRoutes.userAgentEcho())
                .start()) {
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            List<String> paths = List.of("/", "/n0", "/n1", "/n2", "/whoami");
            paths.forEach(path -> tasks.fetch(job, site.url(path)));

            Map<String, PageRecord> pages = tasks.awaitPages(job, paths.size());

            PageRecord blocked = pages.get(site.url("/n1"));
            assertEquals(FetchOutcome.BLOCKED, blocked.outcome());
            assertEquals("disallowed by robots.txt", blocked.error());
            assertEquals(
                    FetchOutcome.BLOCKED,
                    tasks.awaitLinks(job, paths.size()).get(site.url("/n1")).outcome());
            assertEquals(0, site.requestCount("/n1"), "never requested");
            assertEquals(1, site.requestCount("/robots.txt"), "once for the job, not once per task");
            assertTrue(
                    pages.get(site.url("/whoami")).title().startsWith("SimpleCrawler/"),
                    pages.get(site.url("/whoami")).title());
            List<SiteRequest> requests = FetchTasks.startOrder(site);
            assertEquals(5, requests.size());
            for (int i = 1; i < requests.size(); i++) {
                long gapMs = Duration.ofNanos(requests.get(i).startNanos()
                                - requests.get(i - 1).startNanos())
                        .toMillis();
                assertTrue(
                        gapMs >= 1000,
                        "Crawl-delay 1 s > delayMs 0, yet only " + gapMs + " ms before " + requests.get(i));
            }
        }
    }

    @Test
    void aServerErrorForRobotsTxtPutsTheHostOffLimitsForTheJob() {
        try (TestSite site = TestSite.tree(2, 1)
                .route("/robots.txt", SiteRoutes.fixed(503, "text/plain", "down", Map.of()))
                .start()) {
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            List.of("/", "/n0", "/n1").forEach(path -> tasks.fetch(job, site.url(path)));

            Map<String, PageRecord> pages = tasks.awaitPages(job, 3);

            pages.values().forEach(page -> {
                assertEquals(FetchOutcome.BLOCKED, page.outcome());
                assertEquals("robots.txt unavailable: HTTP 503; the host is off limits for this job", page.error());
            });
            assertEquals(3, site.requestCount(), "robots.txt, retried twice; no page");
            assertEquals(3, site.requestCount("/robots.txt"));
        }
    }

    @Test
    void aClientErrorForRobotsTxtAllowsEverything() {
        try (TestSite site = TestSite.tree(2, 1)
                .route("/robots.txt", SiteRoutes.fixed(403, "text/plain", "no", Map.of()))
                .start()) {
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            List.of("/", "/n0").forEach(path -> tasks.fetch(job, site.url(path)));

            tasks.awaitPages(job, 2).values().forEach(page -> assertEquals(FetchOutcome.FETCHED, page.outcome()));
            assertEquals(1, site.requestCount("/robots.txt"));
        }
    }

    @Test
    void aJobThatDoesNotRespectRobotsNeverAsksForIt() {
        try (TestSite site =
                TestSite.tree(2, 1).robotsTxt("User-agent: *\nDisallow: /\n").start()) {
            UUID job = tasks.job(new JobSettings(
                    "http://127.0.0.1/",
                    100,
                    3,
                    OutputFormat.MARKDOWN,
                    0,
                    4,
                    5000,
                    List.of(),
                    List.of(),
                    false,
                    false,
                    false,
                    false,
                    0,
                    false));
            List.of("/", "/n0").forEach(path -> tasks.fetch(job, site.url(path)));

            tasks.awaitPages(job, 2).values().forEach(page -> assertEquals(FetchOutcome.FETCHED, page.outcome()));
            assertEquals(0, site.requestCount("/robots.txt"));
        }
    }

    @Test
    void aRobotsTxtCachedInRedisByAnotherFetcherIsNotFetchedAgain() {
        try (TestSite site = TestSite.tree(2, 1).start()) {
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            String cached =
                    EventJson.writeString(new RobotsFile(200, "User-agent: *\nDisallow: /n0\n", "text/plain", null));
            redis.sync().set("crawl:{" + job + "}:robots:http://127.0.0.1:" + site.port(), cached);
            List.of("/", "/n0").forEach(path -> tasks.fetch(job, site.url(path)));

            Map<String, PageRecord> pages = tasks.awaitPages(job, 2);

            assertEquals(FetchOutcome.FETCHED, pages.get(site.url("/")).outcome());
            assertEquals(FetchOutcome.BLOCKED, pages.get(site.url("/n0")).outcome());
            assertEquals(0, site.requestCount("/robots.txt"));
        }
    }
}
