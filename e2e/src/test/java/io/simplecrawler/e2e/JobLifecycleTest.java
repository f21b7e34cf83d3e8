package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.testkit.TestSite;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A job's life as a client sees it over REST and server-sent events. */
class JobLifecycleTest {
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(2);

    private final CrawlApi api = Pipeline.api();

    @Test
    void aJobIsFollowedFromPendingToCompletedOverRestAndEvents() {
        try (TestSite site =
                TestSite.tree(3, 2).pageDelay(Duration.ofMillis(50)).start()) {
            UUID id = api.submit(Map.of("url", site.url("/"), "maxDepth", 2, "concurrency", 1));

            List<Map<String, Object>> events = api.followEvents(id, JOB_DEADLINE);

            Map<String, Object> last = events.get(events.size() - 1);
            assertEquals("completed", last.get("status"), events.toString());
            assertEquals(100, last.get("progress"));
            assertEquals(13, last.get("pagesCrawled"));
            assertTrue(events.stream().anyMatch(e -> "running".equals(e.get("status"))), "saw the job running");
            for (int i = 1; i < events.size(); i++) {
                assertTrue(
                        (int) events.get(i).get("progress")
                                >= (int) events.get(i - 1).get("progress"),
                        "progress never decreases: " + events);
            }

            Map<String, Object> job = api.job(id);
            assertNotNull(job.get("startedAt"));
            assertNotNull(job.get("finishedAt"));
            assertTrue(((Number) job.get("durationMs")).longValue() >= 0);
            assertTrue(((Number) job.get("bytesDownloaded")).longValue() > 0);
            List<?> files = (List<?>) job.get("files");
            assertTrue(
                    files.stream().anyMatch(f -> "results.md".equals(((Map<?, ?>) f).get("name"))), files.toString());
            assertEquals(200, api.results(id).statusCode());
        }
    }

    @Test
    void noNewRequestStartsOnceACancelIsAcknowledged() {
        try (TestSite site =
                TestSite.tree(4, 4).pageDelay(Duration.ofMillis(200)).start()) {
            UUID id = api.submit(Map.of("url", site.url("/"), "maxDepth", 4, "maxPages", 200, "concurrency", 2));
            await().atMost(JOB_DEADLINE).until(() -> site.requestCount() >= 5);

            assertEquals(200, api.cancel(id).statusCode());
            long acknowledgedAt = System.nanoTime();

            await("no request starts after the cancel was acknowledged")
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> site.requests().stream().noneMatch(r -> r.startNanos() > acknowledgedAt));
            assertEquals("cancelled", api.job(id).get("status"));
            assertEquals(409, api.cancel(id).statusCode());
        }
    }

    @Test
    void aJobWhoseSeedCannotBeFetchedFailsWithTheReason() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        UUID id = api.submit(Map.of("url", "http://127.0.0.1:" + closedPort + "/", "timeoutMs", 2000));

        Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);

        assertEquals("failed", job.get("status"), job.toString());
        assertTrue(String.valueOf(job.get("error")).contains("refused"), job.toString());
    }
}
