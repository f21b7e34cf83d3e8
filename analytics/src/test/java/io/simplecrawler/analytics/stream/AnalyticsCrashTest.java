package io.simplecrawler.analytics.stream;

import static io.simplecrawler.analytics.AnalyticsProcesses.DEADLINE;
import static io.simplecrawler.analytics.TestPages.count;
import static io.simplecrawler.analytics.TestPages.page;
import static io.simplecrawler.analytics.TestPages.producer;
import static io.simplecrawler.analytics.TestPages.send;
import static io.simplecrawler.analytics.TestPages.withDuplicates;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.analytics.AnalyticsProcesses;
import io.simplecrawler.broker.TopicCreator;
import io.simplecrawler.localstack.ChildProcess;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.PageStats;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * The analytics service as a real process on a real broker, killed with SIGKILL while it counts
 * (no clean shutdown: its open transaction, its state directory and its group membership are left
 * as a crash leaves them), then started again: the final statistics equal what the page records
 * add up to, every (jobId, url) once, though the records were delivered twice and some were
 * processed, and their transaction aborted, before the kill.
 */
class AnalyticsCrashTest {
    private static final int PAGES = 2000;
    private static final List<String> HOSTS = List.of("a.test", "b.test", "c.test", "d.test", "e.test");

    private final String kafka = TestKafka.bootstrapServers();

    @Test
    void countsEveryPageOnceAcrossACrashMidStream() throws Exception {
        TopicCreator.createMissing(kafka, name -> null);
        UUID job = UUID.randomUUID();
        List<PageRecord> pages = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            pages.add(page(job, HOSTS, i));
        }
        List<PageRecord> firstHalf = withDuplicates(pages.subList(0, PAGES / 2), List.of());
        // the second half also delivers again pages the first process may have counted
        List<PageRecord> secondHalf = withDuplicates(pages.subList(PAGES / 2, PAGES), pages.subList(0, 300));
        int port = AnalyticsProcesses.port();

        try (AnalyticsProcesses analytics = new AnalyticsProcesses(kafka, "analytics-crash-" + job);
                KafkaProducer<String, byte[]> producer = producer(kafka);
                TopicReader stats = TopicReader.committed(kafka, Topics.STATS_JOBS, Topics.STATS_HOSTS)) {
            send(producer, firstHalf);
            // the same state folder for both: the second process finds the state the crash left behind
            ChildProcess first = analytics.start("analytics-first", port, "state");
            await().atMost(DEADLINE).until(() -> pagesCounted(stats, job) > 0);

            CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> send(producer, secondHalf));
            await().atMost(DEADLINE).until(() -> pagesCounted(stats, job) > PAGES / 2 || rest.isDone());
            first.kill();
            rest.get();
            long beforeRestart = pagesCounted(stats, job);

            analytics.start("analytics-second", port, "state");
            await().atMost(DEADLINE).until(() -> pagesCounted(stats, job) >= PAGES);
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> pagesCounted(stats, job) == PAGES);

            PageStats counted = latest(stats, Topics.STATS_JOBS, job.toString()).orElseThrow();
            assertEquals(PAGES, counted.pages(), "counted before the restart: " + beforeRestart);
            assertEquals(pages.stream().mapToLong(PageRecord::bytes).sum(), counted.bytes());
            assertEquals(count(pages, p -> p.outcome().name()), counted.outcomes());
            assertEquals(count(pages, p -> p.status() / 100 + "xx"), counted.statusClasses());
            assertEquals(pages.stream().mapToLong(p -> p.links().size()).sum(), counted.outlinks());
            long[] times =
                    pages.stream().mapToLong(PageRecord::fetchMs).sorted().toArray();
            assertEquals(times[PAGES / 2], counted.fetchMsP50(), 3, "the sketch's median, close to the exact one");
            assertEquals(times[PAGES * 95 / 100], counted.fetchMsP95(), 5, "p95");
            // the host tallies come after a repartition by host: they may trail the job's
            await().atMost(DEADLINE).until(() -> HOSTS.stream()
                    .allMatch(host -> latest(stats, Topics.STATS_HOSTS, host)
                                    .map(PageStats::pages)
                                    .orElse(0L)
                            >= PAGES / HOSTS.size()));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String host : HOSTS) {
                    assertEquals(
                            PAGES / HOSTS.size(),
                            latest(stats, Topics.STATS_HOSTS, host)
                                    .orElseThrow()
                                    .pages(),
                            host);
                }
            });
            assertTrue(beforeRestart < PAGES || !first.isAlive(), "the first process was killed");
        }
    }

    private static long pagesCounted(TopicReader stats, UUID job) {
        return latest(stats, Topics.STATS_JOBS, job.toString())
                .map(PageStats::pages)
                .orElse(0L);
    }

    private static Optional<PageStats> latest(TopicReader stats, String topic, String key) {
        List<PageStats> values = stats.values(topic, key, PageStats.class);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }
}
