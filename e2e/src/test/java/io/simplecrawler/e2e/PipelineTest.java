package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.SiteRequest;
import io.simplecrawler.testkit.TestSite;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Jobs submitted over REST, crawled through Kafka by the service processes, against sites on 127.0.0.1. */
class PipelineTest {
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(2);
    private static final String ROBOTS_TXT = "/robots.txt";

    private final CrawlApi api = Pipeline.api();

    @Test
    void aDepthTwoCrawlFetchesExactlyThePagesUpToDepthTwoEachOnce() throws IOException {
        try (TestSite site = TestSite.tree(4, 4).start()) {
            UUID id = api.submit(Map.of("url", site.url("/"), "maxDepth", 2, "maxPages", 1000));

            Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);

            Set<String> expected = site.pathsUpToDepth(2);
            assertEquals(21, expected.size());
            assertEquals("completed", job.get("status"), job.toString());
            assertEquals(21, job.get("pagesCrawled"));
            assertEquals(0, job.get("pagesFailed"));
            assertEquals(100, job.get("progress"));
            assertEquals(expected, requestedPaths(site), "every page of depth <= 2, nothing deeper, no other host");
            expected.forEach(path -> assertEquals(1, site.requestCount(path), path + " fetched once"));

            String results = api.results(id).body();
            expected.forEach(
                    path -> assertTrue(results.contains("Page " + path), "results.md has the title of " + path));
            assertEquals(expected, pagePaths(id));
        }
    }

    @Test
    void aPageBudgetOfSevenFetchesExactlySevenPages() throws IOException {
        try (TestSite site = TestSite.tree(3, 6).start()) {
            UUID id = api.submit(Map.of("url", site.url("/"), "maxDepth", 10, "maxPages", 7));

            Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);

            assertEquals("completed", job.get("status"), job.toString());
            assertEquals(7, job.get("pagesCrawled"));
            assertEquals(7, site.requestCount() - site.requestCount(ROBOTS_TXT), "7 pages, besides robots.txt");
            assertEquals(7, pagePaths(id).size());
        }
    }

    @Test
    void failingAndTimedOutPagesAreCountedAndTheJobStillCompletes() throws IOException {
        try (TestSite site = TestSite.tree(2, 1)
                .linkFromRoot("/status/500")
                .linkFromRoot("/slow?ms=5000")
                .start()) {
            UUID id = api.submit(Map.of("url", site.url("/"), "maxDepth", 1, "timeoutMs", 1000));

            Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);

            assertEquals("completed", job.get("status"), job.toString());
            assertEquals(2, job.get("pagesFailed"), job.toString());
            assertEquals(3, job.get("pagesCrawled"), "the root and its two children");
            Map<String, PageRecord> pages =
                    Pipeline.pages(id).stream().collect(Collectors.toMap(PageRecord::url, Function.identity()));
            assertEquals(500, pages.get(site.url("/status/500")).status());
            assertTrue(pages.get(site.url("/slow?ms=5000")).error() != null);
        }
    }

    @Test
    void twoJobsRunningAtOnceOnDifferentSitesDoNotMixPages() throws IOException {
        try (TestSite first = TestSite.tree(3, 3).start();
                TestSite second = TestSite.tree(3, 3).start()) {
            UUID a = api.submit(Map.of("url", first.url("/"), "maxDepth", 2));
            UUID b = api.submit(Map.of("url", second.url("/"), "maxDepth", 2));

            assertEquals("completed", api.awaitFinished(a, JOB_DEADLINE).get("status"));
            assertEquals("completed", api.awaitFinished(b, JOB_DEADLINE).get("status"));

            assertEquals(first.pathsUpToDepth(2), pagePaths(a));
            assertEquals(second.pathsUpToDepth(2), pagePaths(b));
            assertTrue(Pipeline.pages(a).stream().allMatch(p -> p.url().startsWith(first.baseUrl())));
            assertTrue(Pipeline.pages(b).stream().allMatch(p -> p.url().startsWith(second.baseUrl())));
        }
    }

    /** The pages requested; robots.txt, which every job asks for once per host, aside. */
    private static Set<String> requestedPaths(TestSite site) {
        return site.requests().stream()
                .map(SiteRequest::pathAndQuery)
                .filter(path -> !path.equals(ROBOTS_TXT))
                .collect(Collectors.toSet());
    }

    private static Set<String> pagePaths(UUID id) throws IOException {
        List<PageRecord> pages = Pipeline.pages(id);
        Set<String> paths =
                pages.stream().map(p -> URI.create(p.url()).getRawPath()).collect(Collectors.toSet());
        assertEquals(pages.size(), paths.size(), "each page once in pages.jsonl");
        return paths;
    }
}
