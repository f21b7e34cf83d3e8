package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplecrawler.testkit.MixedSite;
import io.simplecrawler.testkit.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Never stuck: jobs of every concurrency (1, 4, 16, 32) on fast generated sites full of what a
 * crawler meets (non-HTML answers, 404s, redirects on and off the site, slow and huge pages),
 * three jobs at once on one host and others on two more hosts, all on the shared pipeline's one
 * fetcher. Every job completes within the deadline with each admitted URL settled once.
 */
class MixedSiteTest {
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final int SITE_PAGES = 10_000;

    private final CrawlApi api = Pipeline.api();

    @Test
    void jobsOfEveryConcurrencyOnOneHostAndOnSeveralCompleteWithEachAdmittedUrlOnce() {
        try (MixedSite shared = MixedSite.start("127.0.0.31", 31, SITE_PAGES);
                MixedSite second = MixedSite.start("127.0.0.32", 32, SITE_PAGES);
                MixedSite third = MixedSite.start("127.0.0.33", 33, SITE_PAGES)) {
            Map<UUID, Integer> budgets = new LinkedHashMap<>();
            budgets.put(submit(shared.seedUrl(), 1, 100, "markdown"), 100);
            budgets.put(submit(shared.pageUrl(1), 4, 300, "json"), 300);
            budgets.put(submit(shared.pageUrl(2), 32, 300, "markdown"), 300);
            budgets.put(submit(second.seedUrl(), 16, 600, "json"), 600);
            budgets.put(submit(third.seedUrl(), 32, 2000, "markdown"), 2000);

            Instant deadline = Instant.now().plus(DEADLINE);
            JobAudit audit = new JobAudit(Pipeline.resultsDir(), TestRedis.uri());
            List<String> violations = new ArrayList<>();
            budgets.forEach((id, pages) -> {
                Map<String, Object> job = api.awaitFinished(id, Duration.between(Instant.now(), deadline));
                assertEquals("completed", job.get("status"), job.toString());
                violations.addAll(audit.violations(job, pages));
            });
            assertEquals(List.of(), violations);
        }
    }

    private UUID submit(String url, int concurrency, int maxPages, String format) {
        return api.submit(Map.of(
                "url",
                url,
                "maxDepth",
                10,
                "maxPages",
                maxPages,
                "concurrency",
                concurrency,
                "delayMs",
                0,
                "format",
                format));
    }
}
