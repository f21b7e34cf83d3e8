package io.simplecrawler.fetcher.fetch;

import static io.simplecrawler.fetcher.FetchTasks.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.fetcher.RunningFetcherTest;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.SiteRoutes;
import io.simplecrawler.testkit.TestSite;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Redirects are followed by the fetcher, hop by hop, each hop checked like a link. */
@MicronautTest
class RedirectsTest extends RunningFetcherTest {
    @Test
    void followsUpToFiveHopsAndRecordsThePageUnderItsTaskWithTheFinalUrl() {
        try (TestSite site = TestSite.tree(2, 1)
                .route("/r1", SiteRoutes.redirect(301, "/r2"))
                .route("/r2", SiteRoutes.redirect(302, "/n0"))
                .start()) {
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            tasks.fetch(job, site.url("/r1"));

            PageRecord page = tasks.awaitPages(job, 1).get(site.url("/r1"));

            assertEquals(FetchOutcome.FETCHED, page.outcome());
            assertEquals(site.url("/n0"), page.finalUrl());
            assertEquals(List.of(site.url("/r2"), site.url("/n0")), page.redirects());
            assertEquals("Page /n0", page.title());
            assertEquals(site.url("/r1"), redis.sync().hget(JobKeys.claimed(job), site.url("/n0")), "n0 is now r1's");
        }
    }

    @Test
    void aLoopFailsWithTheLoopInItsError() {
        try (TestSite site = TestSite.tree(1, 1)
                .route("/loop-a", SiteRoutes.redirect(302, "/loop-b"))
                .route("/loop-b", SiteRoutes.redirect(302, "/loop-a"))
                .start()) {
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            tasks.fetch(job, site.url("/loop-a"));

            PageRecord page = tasks.awaitPages(job, 1).get(site.url("/loop-a"));

            assertEquals(FetchOutcome.FAILED, page.outcome());
            assertEquals(
                    "redirect loop: " + site.url("/loop-a") + " -> " + site.url("/loop-b") + " -> "
                            + site.url("/loop-a"),
                    page.error());
            assertEquals(1, site.requestCount("/loop-a"));
            assertEquals(1, site.requestCount("/loop-b"));
        }
    }

    @Test
    void stopsAfterFiveRedirects() {
        TestSite.Builder chain = TestSite.tree(1, 1);
        for (int i = 1; i <= 7; i++) {
            chain.route("/hop" + i + "/", SiteRoutes.redirect(301, "/hop" + (i + 1) + "/"));
        }
        try (TestSite site = chain.start()) {
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            tasks.fetch(job, site.url("/hop1/"), 1);

            PageRecord page = tasks.awaitPages(job, 1).get(site.url("/hop1/"));

            assertEquals(FetchOutcome.FAILED, page.outcome());
            assertTrue(page.error().startsWith("more than 5 redirects"), page.error());
            assertEquals(5, page.redirects().size());
            assertEquals(0, site.requestCount("/hop7/"));
        }
    }

    @Test
    void aHopIsCheckedAgainstRobotsTxtAndTheScopeBeforeItIsRequested() {
        try (TestSite site = TestSite.tree(1, 1)
                .robotsTxt("User-agent: *\nDisallow: /private\n")
                .route("/to-private", SiteRoutes.redirect(302, "/private/x"))
                .route("/away", SiteRoutes.redirect(302, "http://localhost:1/elsewhere"))
                .start()) {
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            tasks.fetch(job, site.url("/to-private"));
            tasks.fetch(job, site.url("/away"));

            Map<String, PageRecord> pages = tasks.awaitPages(job, 2);

            PageRecord blocked = pages.get(site.url("/to-private"));
            assertEquals(FetchOutcome.BLOCKED, blocked.outcome());
            assertEquals(site.url("/private/x"), blocked.finalUrl());
            assertEquals(302, blocked.status());
            assertEquals(0, site.requestCount("/private/x"));
            PageRecord away = pages.get(site.url("/away"));
            assertEquals(FetchOutcome.SKIPPED, away.outcome());
            assertEquals("redirects out of the job's scope to http://localhost:1/elsewhere", away.error());
        }
    }

    @Test
    void aTargetTheJobHasUnderAnotherTaskIsNotFetchedAgain() {
        try (TestSite site = TestSite.tree(2, 1)
                .route("/old", SiteRoutes.redirect(301, "/n0"))
                .route("/a1", SiteRoutes.redirect(301, "/target"))
                .route("/a2", SiteRoutes.redirect(301, "/target"))
                .route("/target", SiteRoutes.html(SiteRoutes.page("Target")))
                .start()) {
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            redis.sync().hset(JobKeys.admitted(job), site.url("/n0"), site.url("/"));
            List.of("/old", "/a1", "/a2").forEach(path -> tasks.fetch(job, site.url(path)));

            Map<String, PageRecord> pages = tasks.awaitPages(job, 3);

            PageRecord old = pages.get(site.url("/old"));
            assertEquals(FetchOutcome.DUPLICATE, old.outcome());
            assertEquals("redirects to " + site.url("/n0") + ", which the job fetches under another URL", old.error());
            assertEquals(0, site.requestCount("/n0"));
            Set<FetchOutcome> both = Set.of(
                    pages.get(site.url("/a1")).outcome(),
                    pages.get(site.url("/a2")).outcome());
            assertEquals(Set.of(FetchOutcome.FETCHED, FetchOutcome.DUPLICATE), both);
            assertEquals(1, site.requestCount("/target"));
        }
    }

    @Test
    void aCanonicalUrlIsRecordedAndClaimed() {
        String html =
                "<html><head><title>Spelling</title><link rel=\"canonical\" href=\"/canon\"></head><body>x</body></html>";
        String self =
                "<html><head><title>Self</title><link rel=\"canonical\" href=\"/self\"></head><body>x</body></html>";
        try (TestSite site = TestSite.tree(1, 1)
                .route("/spelling", SiteRoutes.html(html))
                .route("/self", SiteRoutes.html(self))
                .start()) {
            UUID job = tasks.job(settings(site, 0, 4, 5000));
            tasks.fetch(job, site.url("/spelling?utm=1"));
            tasks.fetch(job, site.url("/self"));

            Map<String, PageRecord> pages = tasks.awaitPages(job, 2);

            assertEquals(
                    site.url("/canon"), pages.get(site.url("/spelling?utm=1")).canonicalUrl());
            assertEquals(site.url("/spelling?utm=1"), redis.sync().hget(JobKeys.claimed(job), site.url("/canon")));
            assertNull(pages.get(site.url("/self")).canonicalUrl(), "a page that names itself");
            Set<String> claimed =
                    redis.sync().hkeys(JobKeys.claimed(job)).stream().collect(Collectors.toSet());
            assertEquals(Set.of(site.url("/canon")), claimed);
        }
    }
}
