package io.simplecrawler.fetcher.fetch;

import static io.simplecrawler.fetcher.FetchTasks.settings;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.fetcher.FetchTasks;
import io.simplecrawler.fetcher.RunningFetcherTest;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.SiteRequest;
import io.simplecrawler.testkit.SiteRoutes;
import io.simplecrawler.testkit.TestSite;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Invariant 6: once the job is in the cancelled set, none of its requests starts, retries included. */
@MicronautTest
class CancelTest extends RunningFetcherTest {
    @Test
    void noRequestStartsAfterTheCancel() {
        try (TestSite site = TestSite.tree(8, 1).start()) {
            UUID job = tasks.job(settings(site, 300, 1, 5000));
            List<String> paths = List.of("/n0", "/n1", "/n2", "/n3", "/n4", "/n5", "/n6", "/n7");
            paths.forEach(path -> tasks.fetch(job, site.url(path)));
            await().atMost(FetchTasks.DEADLINE).until(() -> pageRequests(site) == 2);

            redis.sync().set(JobKeys.stopped(job), "1");
            long cancelledAt = System.nanoTime();

            Map<String, PageRecord> pages = tasks.awaitPages(job, paths.size());
            assertEquals(
                    6,
                    pages.values().stream()
                            .filter(p -> p.outcome() == FetchOutcome.CANCELLED)
                            .count());
            assertEquals(2, pageRequests(site));
            assertTrue(
                    site.requests().stream().allMatch(r -> r.startNanos() < cancelledAt),
                    site.requests().toString());
        }
    }

    @Test
    void aRetryWaitingForItsTurnDoesNotStartOnceTheJobIsCancelled() {
        try (TestSite site = TestSite.tree(1, 1)
                .route("/busy", SiteRoutes.failing(5, 429, java.util.Map.of("Retry-After", "2")))
                .start()) {
            UUID job = tasks.job(settings(site, 0, 1, 5000));
            tasks.fetch(job, site.url("/busy"));
            await().atMost(FetchTasks.DEADLINE).until(() -> site.requestCount("/busy") == 1);

            redis.sync().set(JobKeys.stopped(job), "1");

            PageRecord page = tasks.awaitPages(job, 1).get(site.url("/busy"));
            assertEquals(FetchOutcome.CANCELLED, page.outcome());
            assertEquals(1, site.requestCount("/busy"));
        }
    }

    private static long pageRequests(TestSite site) {
        return site.requests().stream()
                .map(SiteRequest::path)
                .filter(path -> !path.equals("/robots.txt"))
                .count();
    }
}
