package io.simplecrawler.fetcher.fetch;

import static io.simplecrawler.fetcher.FetchTasks.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.fetcher.FetchTasks;
import io.simplecrawler.fetcher.RunningFetcherTest;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.SiteRequest;
import io.simplecrawler.testkit.SiteRoutes;
import io.simplecrawler.testkit.TestSite;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Connection errors, timeouts, 429 and 5xx are tried three times, politely. */
@MicronautTest
class RetriesTest extends RunningFetcherTest {
    @Inject
    MeterRegistry meters;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("fetcher.max-retry-after", "5s");
    }

    @Test
    void honoursRetryAfterForTheWholeHostWithoutHoldingUpOtherHosts() {
        try (TestSite site = TestSite.tree(3, 1)
                .route("/busy", SiteRoutes.failing(1, 429, Map.of("Retry-After", "2")))
                .start()) {
            double retriesBefore =
                    meters.get("simplecrawler.fetcher.retries").counter().count();
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            tasks.fetch(job, site.url("/busy"));
            await429(site);
            tasks.fetch(job, site.url("/n0"));
            tasks.fetch(job, "http://localhost:" + site.port() + "/n1");

            Map<String, PageRecord> pages = tasks.awaitPages(job, 3);

            assertEquals(FetchOutcome.FETCHED, pages.get(site.url("/busy")).outcome());
            assertEquals("Recovered", pages.get(site.url("/busy")).title());
            List<SiteRequest> busy = site.requests().stream()
                    .filter(r -> r.path().equals("/busy"))
                    .toList();
            assertEquals(2, busy.size());
            assertTrue(meters.get("simplecrawler.fetcher.retries").counter().count() >= retriesBefore + 1);
            long waitedMs = Duration.ofNanos(
                            busy.get(1).startNanos() - busy.get(0).startNanos())
                    .toMillis();
            assertTrue(waitedMs >= 2000, "Retry-After 2 s, waited " + waitedMs + " ms");
            SiteRequest sameHost = request(site, "127.0.0.1", "/n0");
            SiteRequest otherHost = request(site, "localhost", "/n1");
            assertTrue(
                    sameHost.startNanos()
                            >= busy.get(0).startNanos() + Duration.ofSeconds(2).toNanos(),
                    "the host asked for 2 s of rest");
            assertTrue(otherHost.startNanos() < busy.get(1).startNanos(), "another host need not wait");
        }
    }

    @Test
    void aServerErrorThatPassesIsRetriedAndOneThatLastsFails() {
        try (TestSite site = TestSite.tree(1, 1)
                .route("/flaky", SiteRoutes.failing(2, 503, Map.of()))
                .route("/forever", SiteRoutes.failing(100, 429, Map.of("Retry-After", "3600")))
                .start()) {
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            tasks.fetch(job, site.url("/flaky"));
            tasks.fetch(job, site.url("/forever"));

            Map<String, PageRecord> pages = tasks.awaitPages(job, 2);

            assertEquals(FetchOutcome.FETCHED, pages.get(site.url("/flaky")).outcome());
            assertEquals(3, site.requestCount("/flaky"));
            assertEquals(FetchOutcome.FAILED, pages.get(site.url("/forever")).outcome());
            assertEquals(
                    "HTTP 429",
                    pages.get(site.url("/forever")).error(),
                    "a Retry-After beyond the limit is not waited for");
            assertEquals(1, site.requestCount("/forever"));
        }
    }

    @Test
    void aRefusedConnectionIsTriedThreeTimes() {
        String refused;
        try (TestSite closed = TestSite.tree(1, 1).start()) {
            refused = closed.url("/");
        }
        UUID job = tasks.job(new JobSettings(
                refused,
                10,
                1,
                OutputFormat.MARKDOWN,
                0,
                1,
                2000,
                List.of(),
                List.of(),
                false,
                false,
                false,
                false,
                0,
                false));
        tasks.fetch(job, refused);

        PageRecord page = tasks.awaitPages(job, 1).get(refused);

        assertEquals(FetchOutcome.FAILED, page.outcome());
        assertEquals("connection refused (3 attempts)", page.error());
    }

    private static void await429(TestSite site) {
        org.awaitility.Awaitility.await().atMost(FetchTasks.DEADLINE).until(() -> site.requestCount("/busy") == 1);
    }

    private static SiteRequest request(TestSite site, String host, String path) {
        return site.requests().stream()
                .filter(r -> r.path().equals(path) && r.host().startsWith(host + ":"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request for " + host + path + " in " + site.requests()));
    }
}
