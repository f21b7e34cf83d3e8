package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.localstack.PipelineProcesses;
import io.simplecrawler.localstack.ServiceProcess;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.SiteRequest;
import io.simplecrawler.testkit.TestRedis;
import io.simplecrawler.testkit.TestSite;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Invariant 3 with real processes: during one crawl, the fetcher fetching the site (of two), then
 * the frontier, then the exporter are killed with SIGKILL and started again; the other fetcher
 * takes the site over while the first is down. The job still completes with exactly the
 * pages it admitted, each once in pages.jsonl, and the site saw no page more than twice.
 */
class CrashRecoveryTest {
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(5);

    private final PipelineProcesses processes = Pipeline.processes();
    private final CrawlApi api = Pipeline.api();

    @Test
    void aCrawlSurvivesAFetcherTheFrontierAndTheExporterBeingKilled() throws IOException {
        if (processes.processes().stream()
                        .filter(p -> p.name().startsWith("fetcher-"))
                        .count()
                < 2) {
            processes.addFetcher();
        }
        try (TestSite site = TestSite.tree(17, 2).start()) {
            UUID id = api.submit(
                    Map.of("url", site.url("/"), "maxDepth", 2, "maxPages", 300, "delayMs", 250, "concurrency", 2));

            awaitRequests(site, 30);
            ServiceProcess fetcher = fetcherOf(site);
            fetcher.kill();
            // the host's partition moves to the surviving fetcher, which goes on with the crawl
            awaitRequests(site, site.requestCount() + 10);
            processes.restart(fetcher.name());
            awaitRequests(site, 110);
            processes.kill("frontier");
            processes.restart("frontier");
            awaitRequests(site, 200);
            processes.kill("exporter");
            processes.restart("exporter");

            Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);

            assertEquals("completed", job.get("status"), job.toString());
            Set<String> admitted;
            try (Jedis redis = new Jedis(URI.create(TestRedis.uri()))) {
                admitted = redis.hkeys(JobKeys.admitted(id));
            }
            assertEquals(300, admitted.size(), "the page budget");
            Map<String, PageRecord> pages = pages(id);
            assertEquals(admitted, pages.keySet(), "exactly the admitted pages, each once");
            pages.values().forEach(page -> assertEquals(FetchOutcome.FETCHED, page.outcome(), page.url()));
            Map<String, Long> requestsPerPath =
                    site.requests().stream().collect(Collectors.groupingBy(SiteRequest::path, Collectors.counting()));
            requestsPerPath.forEach((path, count) -> assertTrue(count <= 2, path + " requested " + count + " times"));
        }
    }

    /** The fetcher that has been fetching the site: all of a host's tasks are on one partition, so one fetcher. */
    private ServiceProcess fetcherOf(TestSite site) {
        return processes.processes().stream()
                .filter(p -> p.name().startsWith("fetcher-") && logMentions(p, site.baseUrl()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fetcher logged a request to " + site.baseUrl()));
    }

    private static boolean logMentions(ServiceProcess process, String text) {
        try {
            return Files.readString(process.logFile(), StandardCharsets.UTF_8).contains(text.replace("/", "\\/"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitRequests(TestSite site, int count) {
        await().atMost(JOB_DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> site.requestCount() >= count);
    }

    private static Map<String, PageRecord> pages(UUID id) throws IOException {
        List<PageRecord> pages =
                Files.readAllLines(Pipeline.resultsDir().resolve(id.toString()).resolve("pages.jsonl")).stream()
                        .map(line -> EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class))
                        .toList();
        Map<String, PageRecord> byUrl = pages.stream()
                .collect(Collectors.toMap(PageRecord::url, Function.identity(), (a, b) -> {
                    throw new AssertionError("twice in pages.jsonl: " + a.url());
                }));
        assertEquals(pages.size(), byUrl.size());
        return byUrl;
    }
}
