package io.simplecrawler.fetcher;

import static io.simplecrawler.fetcher.FetchTasks.DEADLINE;
import static io.simplecrawler.fetcher.FetchTasks.settings;
import static io.simplecrawler.fetcher.FetchTasks.startOrder;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.PrometheusText;
import io.simplecrawler.testkit.SiteRequest;
import io.simplecrawler.testkit.SiteRoutes;
import io.simplecrawler.testkit.TestSite;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole service against a real broker, Redis and HTTP site: tasks in, page and links records out. */
@MicronautTest
class FetcherServiceTest extends RunningFetcherTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void settlesEveryKindOfAnswer() {
        String refused;
        try (TestSite closed = TestSite.tree(1, 1).start()) {
            refused = closed.url("/");
        }
        try (TestSite site = TestSite.tree(2, 1)
                .resource("/data.json", 200, "application/json", "{\"a\": 1}")
                .start()) {
            UUID job = tasks.job(settings(site, 0, 4, 1000));
            List<String> urls = List.of(
                    site.url("/"),
                    site.url("/status/500"),
                    site.url("/slow?ms=5000"),
                    site.url("/redirect?to=/n0"),
                    refused,
                    site.url("/data.json"));
            urls.forEach(url -> tasks.fetch(job, url));

            Map<String, PageRecord> pages = tasks.awaitPages(job, urls.size());
            Map<String, LinksDiscovered> links = tasks.awaitLinks(job, urls.size());

            PageRecord home = pages.get(site.url("/"));
            assertEquals(FetchOutcome.FETCHED, home.outcome());
            assertEquals(200, home.status());
            assertEquals("Page /", home.title());
            assertTrue(home.contentType().startsWith("text/html"), home.contentType());
            assertTrue(home.text().contains("This is page / at depth 0"), home.text());
            assertTrue(home.markdown().contains("Page /"), home.markdown());
            assertTrue(home.bytes() > 0);
            assertNull(home.truncated());
            assertNull(home.redirects());
            assertEquals(
                    List.of(
                            site.url("/n0"),
                            site.url("/n1"),
                            site.url("/"),
                            "http://127.0.0.2:" + site.port() + "/elsewhere"),
                    home.links());
            assertEquals(
                    new LinksDiscovered(job, site.url("/"), 0, FetchOutcome.FETCHED, home.links()),
                    links.get(site.url("/")));

            PageRecord error = pages.get(site.url("/status/500"));
            assertEquals(FetchOutcome.FAILED, error.outcome());
            assertEquals(500, error.status());
            assertEquals("HTTP 500 (3 attempts)", error.error(), "a 5xx is retried twice");
            assertEquals(List.of(), error.links());
            assertEquals(FetchOutcome.FAILED, links.get(site.url("/status/500")).outcome());
            assertEquals(List.of(), links.get(site.url("/status/500")).links());

            PageRecord slow = pages.get(site.url("/slow?ms=5000"));
            assertEquals(FetchOutcome.FAILED, slow.outcome());
            assertEquals(0, slow.status());
            assertEquals("timed out after 1000 ms (3 attempts)", slow.error());
            assertTrue(slow.fetchMs() >= 3000 && slow.fetchMs() < 5000, "fetchMs " + slow.fetchMs());
            assertEquals(
                    FetchOutcome.FAILED, links.get(site.url("/slow?ms=5000")).outcome());

            PageRecord data = pages.get(site.url("/data.json"));
            assertEquals(FetchOutcome.SKIPPED, data.outcome());
            assertEquals("application/json", data.contentType());
            assertEquals("not HTML: application/json", data.error());
            assertNull(data.text());
            assertEquals(List.of(), data.links());

            PageRecord unreachable = pages.get(refused);
            assertEquals(FetchOutcome.BLOCKED, unreachable.outcome(), "no robots.txt answer: the host is off limits");
            assertEquals(
                    "robots.txt unavailable: connection refused (3 attempts); the host is off limits for this job",
                    unreachable.error());
            assertEquals(FetchOutcome.BLOCKED, links.get(refused).outcome());

            PageRecord redirected = pages.get(site.url("/redirect?to=/n0"));
            assertEquals(FetchOutcome.FETCHED, redirected.outcome());
            assertEquals(site.url("/n0"), redirected.finalUrl());
            assertEquals(List.of(site.url("/n0")), redirected.redirects());
            assertEquals("Page /n0", redirected.title());
        }
    }

    @Test
    void reportsTheSitemapUrlsInScopeWithTheSeedOfAJobThatAsksForThem() {
        String sitemap =
                """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>HOST/orphan</loc></url>
                  <url><loc>HOST/n0#top</loc></url>
                  <url><loc>http://127.0.0.2:1/elsewhere</loc></url>
                </urlset>""";
        try (TestSite site = TestSite.tree(1, 1)
                .route("/sitemap.xml", exchange -> SiteRoutes.fixed(
                                200,
                                "application/xml",
                                sitemap.replace(
                                        "HOST",
                                        "http://" + exchange.getRequestHeaders().getFirst("Host")),
                                Map.of())
                        .handle(exchange))
                .start()) {
            UUID job = tasks.job(new JobSettings(
                    site.url("/"),
                    100,
                    3,
                    OutputFormat.MARKDOWN,
                    0,
                    2,
                    5000,
                    List.of(),
                    List.of(),
                    false,
                    false,
                    true,
                    true,
                    0,
                    false));
            tasks.fetch(job, site.url("/"), 0);
            tasks.fetch(job, site.url("/n0"), 1);

            Map<String, LinksDiscovered> links = tasks.awaitLinks(job, 2);

            assertEquals(
                    List.of(site.url("/orphan"), site.url("/n0")),
                    links.get(site.url("/")).sitemapLinks(),
                    "no Sitemap: line in robots.txt, so /sitemap.xml; in normal form, in scope");
            assertNull(links.get(site.url("/n0")).sitemapLinks(), "only the seed reads the sitemaps");
        }
    }

    @Test
    void deadLettersAMalformedTaskAndGoesOn() {
        try (TestSite site = TestSite.tree(1, 1).start()) {
            String garbage = "not a task " + UUID.randomUUID();
            tasks.send("127.0.0.1", garbage.getBytes(StandardCharsets.UTF_8));
            UUID job = tasks.job(settings(site, 0, 1, 5000));
            tasks.fetch(job, site.url("/"));

            await().atMost(DEADLINE).until(() -> tasks.deadLetters().stream().anyMatch(d -> garbage.equals(d.value())));
            DeadLetter letter = tasks.deadLetters().stream()
                    .filter(d -> garbage.equals(d.value()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(Topics.FETCH, letter.topic());
            assertEquals("127.0.0.1", letter.key());
            assertTrue(letter.reason().contains("FetchTask"), letter.reason());
            assertEquals(
                    FetchOutcome.FETCHED,
                    tasks.awaitPages(job, 1).get(site.url("/")).outcome());
        }
    }

    @Test
    void settlesTasksOfCancelledAndUnknownJobsWithoutRequests() {
        try (TestSite site = TestSite.tree(2, 1).start()) {
            UUID cancelled = tasks.job(settings(site, 0, 1, 5000));
            redis.sync().set(JobKeys.stopped(cancelled), "1");
            UUID unknown = UUID.randomUUID();
            tasks.fetch(cancelled, site.url("/"));
            tasks.fetch(unknown, site.url("/n0"));

            for (UUID job : List.of(cancelled, unknown)) {
                PageRecord page = tasks.awaitPages(job, 1).values().iterator().next();
                assertEquals(FetchOutcome.CANCELLED, page.outcome());
                assertEquals(0, page.status());
                LinksDiscovered links =
                        tasks.awaitLinks(job, 1).values().iterator().next();
                assertEquals(FetchOutcome.CANCELLED, links.outcome());
                assertEquals(List.of(), links.links());
            }
            assertEquals(0, site.requestCount(), "not even robots.txt");
        }
    }

    @Test
    void waitsTheJobsDelayBetweenRequestsToOneHostRobotsTxtIncluded() {
        try (TestSite site = TestSite.tree(5, 1).start()) {
            UUID job = tasks.job(settings(site, 200, 1, 5000));
            List<String> paths = List.of("/", "/n0", "/n1", "/n2", "/n3", "/n4");
            paths.forEach(path -> tasks.fetch(job, site.url(path)));

            tasks.awaitPages(job, paths.size())
                    .values()
                    .forEach(page -> assertEquals(FetchOutcome.FETCHED, page.outcome()));

            List<SiteRequest> requests = startOrder(site);
            assertEquals(paths.size() + 1, requests.size());
            assertEquals("/robots.txt", requests.get(0).path(), "robots.txt first, once");
            for (int i = 1; i < requests.size(); i++) {
                SiteRequest previous = requests.get(i - 1);
                SiteRequest next = requests.get(i);
                long gapMs = Duration.ofNanos(next.startNanos() - previous.startNanos())
                        .toMillis();
                assertTrue(gapMs >= 200, "only " + gapMs + " ms between the starts of " + previous + " and " + next);
                assertTrue(next.startNanos() >= previous.endNanos(), next + " overlaps " + previous);
            }
        }
    }

    @Test
    void keepsAtMostTheJobsConcurrencyInFlightToOneHost() {
        try (TestSite site =
                TestSite.tree(5, 1).pageDelay(Duration.ofMillis(300)).start()) {
            UUID job = tasks.job(settings(site, 0, 2, 5000));
            List<String> paths = List.of("/", "/n0", "/n1", "/n2", "/n3", "/n4");
            paths.forEach(path -> tasks.fetch(job, site.url(path)));

            tasks.awaitPages(job, paths.size());

            List<SiteRequest> requests = startOrder(site);
            int mostInFlight = 0;
            for (SiteRequest request : requests) {
                long inFlight = requests.stream()
                        .filter(other ->
                                other.startNanos() <= request.startNanos() && other.endNanos() > request.startNanos())
                        .count();
                mostInFlight = Math.max(mostInFlight, (int) inFlight);
            }
            assertEquals(2, mostInFlight);
        }
    }

    @Test
    void reportsHealthAndMetrics() {
        String health = http.toBlocking().retrieve("/health");
        assertTrue(health.contains("\"kafka\"") && health.contains("\"redis\""), health);
        assertTrue(
                health.startsWith("{\"name\":\"fetcher\",\"status\":\"UP\"") || health.contains("\"status\":\"UP\""),
                health);

        String metrics = http.toBlocking().retrieve("/prometheus");
        assertTrue(metrics.contains("simplecrawler_fetcher_pages_total{outcome=\"FETCHED\"}"), metrics);
        assertTrue(metrics.contains("simplecrawler_fetcher_pages_total{outcome=\"BLOCKED\"}"), metrics);
        assertTrue(metrics.contains("simplecrawler_fetcher_response_bytes_total"), metrics);
        assertTrue(
                metrics.contains(
                        "simplecrawler_fetcher_fetch_duration_seconds_bucket{host_class=\"local\",le=\"0.1\"}"),
                metrics);
        // Redis call latency (Lettuce's own meter): the fetcher asked Redis for the job's settings and claims
        assertTrue(
                PrometheusText.sum(metrics, "lettuce_command_completion_seconds_bucket", "le=\"+Inf\"") > 0, metrics);
        assertTrue(PrometheusText.sum(metrics, "simplecrawler_fetcher_tasks_held") >= 0, metrics);
    }
}
