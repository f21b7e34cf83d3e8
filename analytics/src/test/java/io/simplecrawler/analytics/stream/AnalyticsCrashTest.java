package io.simplecrawler.analytics.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.analytics.AnalyticsApplication;
import io.simplecrawler.broker.TopicCreator;
import io.simplecrawler.localstack.ChildProcess;
import io.simplecrawler.localstack.FreePorts;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.PageStats;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The analytics service as a real process on a real broker, killed with SIGKILL while it counts
 * (no clean shutdown: its open transaction, its state directory and its group membership are left
 * as a crash leaves them), then started again: the final statistics equal what the page records
 * add up to, every (jobId, url) once, though the records were delivered twice and some were
 * processed, and their transaction aborted, before the kill.
 */
class AnalyticsCrashTest {
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final int PAGES = 2000;
    private static final List<String> HOSTS = List.of("a.test", "b.test", "c.test", "d.test", "e.test");

    private final String kafka = TestKafka.bootstrapServers();
    private final List<ChildProcess> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(ChildProcess::kill);
    }

    @Test
    void countsEveryPageOnceAcrossACrashMidStream() throws Exception {
        TopicCreator.createMissing(kafka, name -> null);
        UUID job = UUID.randomUUID();
        List<PageRecord> pages = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            pages.add(page(job, i));
        }
        List<PageRecord> firstHalf = withDuplicates(pages.subList(0, PAGES / 2), List.of());
        // the second half also delivers again pages the first process may have counted
        List<PageRecord> secondHalf = withDuplicates(pages.subList(PAGES / 2, PAGES), pages.subList(0, 300));
        Path runDir = Files.createTempDirectory("analytics-crash");
        String applicationId = "analytics-crash-" + job;
        int port = FreePorts.next();

        try (KafkaProducer<String, byte[]> producer = producer();
                TopicReader stats = TopicReader.committed(kafka, Topics.STATS_JOBS, Topics.STATS_HOSTS)) {
            send(producer, firstHalf);
            ChildProcess first = start("analytics-first", applicationId, port, runDir);
            await().atMost(DEADLINE).until(() -> pagesCounted(stats, job) > 0);

            CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> send(producer, secondHalf));
            await().atMost(DEADLINE).until(() -> pagesCounted(stats, job) > PAGES / 2 || rest.isDone());
            first.kill();
            rest.get();
            long beforeRestart = pagesCounted(stats, job);

            start("analytics-second", applicationId, port, runDir);
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

    private ChildProcess start(String name, String applicationId, int port, Path runDir) {
        ChildProcess process = new ChildProcess(
                name,
                List.of(
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        AnalyticsApplication.class.getName()),
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        kafka,
                        "MICRONAUT_SERVER_PORT",
                        Integer.toString(port),
                        "ANALYTICS_APPLICATION_ID",
                        applicationId,
                        "ANALYTICS_ADVERTISED_HOST",
                        "127.0.0.1",
                        // the same folder: the second process finds the state the crash left behind
                        "ANALYTICS_STATE_DIR",
                        runDir.resolve("state").toString()),
                runDir);
        processes.add(process);
        process.start().awaitReady("healthy", () -> healthy(port), DEADLINE);
        return process;
    }

    private static boolean healthy(int port) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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

    private static Map<String, Long> count(
            List<PageRecord> pages, java.util.function.Function<PageRecord, String> kind) {
        return pages.stream().collect(Collectors.groupingBy(kind, TreeMap::new, Collectors.counting()));
    }

    /** Every page, and every fifth one again right after it, then {@code again} once more. */
    private static List<PageRecord> withDuplicates(List<PageRecord> pages, List<PageRecord> again) {
        List<PageRecord> delivered = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            delivered.add(pages.get(i));
            if (i % 5 == 0) {
                delivered.add(pages.get(i));
            }
        }
        delivered.addAll(again);
        return delivered;
    }

    private static PageRecord page(UUID job, int i) {
        boolean failed = i % 10 == 0;
        return PageRecord.of(
                        job,
                        "http://" + HOSTS.get(i % HOSTS.size()) + "/page/" + i,
                        1,
                        failed ? FetchOutcome.FAILED : FetchOutcome.FETCHED)
                .status(failed ? 503 : 200)
                .contentType(failed ? null : "text/html")
                .fetchedAt(Instant.parse("2026-12-07T10:00:00Z").plusMillis(i))
                .fetchMs(i % 300)
                .bytes(failed ? 0 : 1000 + i)
                .error(failed ? "HTTP 503" : null)
                .links(List.of("http://a.test/", "http://b.test/").subList(0, i % 3 == 0 ? 2 : 1))
                .build();
    }

    /** Sends in batches of 100, each flushed, so that the records arrive while the service counts. */
    private static void send(KafkaProducer<String, byte[]> producer, List<PageRecord> pages) {
        for (int i = 0; i < pages.size(); i++) {
            PageRecord page = pages.get(i);
            producer.send(new ProducerRecord<>(Topics.PAGES, page.jobId().toString(), EventJson.write(page)));
            if (i % 100 == 99) {
                producer.flush();
            }
        }
        producer.flush();
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
