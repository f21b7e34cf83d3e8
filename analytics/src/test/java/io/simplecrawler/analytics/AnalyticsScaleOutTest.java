package io.simplecrawler.analytics;

import static io.simplecrawler.analytics.AnalyticsProcesses.DEADLINE;
import static io.simplecrawler.analytics.TestPages.page;
import static io.simplecrawler.analytics.TestPages.producer;
import static io.simplecrawler.analytics.TestPages.send;
import static io.simplecrawler.analytics.TestPages.withDuplicates;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.simplecrawler.broker.TopicCreator;
import io.simplecrawler.localstack.ChildProcess;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.PageStats;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * Two analytics instances of one Streams application, real processes on a real broker, crawl.pages
 * with six partitions: each holds a part of the statistics, and either answers for all of them
 * (it asks the other for what it holds). One is stalled, then killed mid-stream: queries through
 * the survivor answer 503 or the full answer within a bounded time, never hang; the survivor takes
 * the partitions over and the counts equal the input exactly (exactly once: no page counted twice,
 * though delivered twice and partly processed by the killed one). Started again, the second
 * instance answers for all again.
 */
class AnalyticsScaleOutTest {
    private static final int JOBS = 12;
    private static final int HOSTS = 10;
    /**
     * How long any answer may take: a query asks each other instance at most the peer timeout (2 s);
     * the rest is room for a loaded machine.
     */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(8);

    private final String kafka = TestKafka.bootstrapServers();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> hosts = IntStream.range(0, HOSTS)
            .mapToObj(i -> "h" + i + "-" + run + ".test")
            .toList();

    @Test
    void eitherInstanceAnswersForAllAndTheSurvivorCountsEveryPageOnce() throws Exception {
        TopicCreator.createMissing(kafka, name -> null);
        List<UUID> jobs =
                IntStream.range(0, JOBS).mapToObj(i -> UUID.randomUUID()).toList();
        List<PageRecord> firstHalf = new ArrayList<>();
        List<PageRecord> all = new ArrayList<>();
        List<PageRecord> secondHalf = new ArrayList<>();
        for (int j = 0; j < JOBS; j++) {
            // jobs of different sizes, so that the hosts' counts differ too
            int size = 60 + 10 * j;
            List<PageRecord> pages = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                pages.add(page(jobs.get(j), hosts, i + j));
            }
            all.addAll(pages);
            firstHalf.addAll(withDuplicates(pages.subList(0, size / 2), List.of()));
            // the second half also delivers again pages that were counted before
            secondHalf.addAll(withDuplicates(pages.subList(size / 2, size), pages.subList(0, 10)));
        }
        Map<UUID, Long> firstJobs = pagesBy(firstHalf, PageRecord::jobId);
        Map<String, Long> firstHosts = pagesBy(firstHalf, TestPages::host);

        try (AnalyticsProcesses analytics = new AnalyticsProcesses(kafka, "analytics-scale-" + run);
                KafkaProducer<String, byte[]> producer = producer(kafka);
                TopicReader published = TopicReader.committed(kafka, Topics.STATS_JOBS)) {
            send(producer, firstHalf);
            int portA = AnalyticsProcesses.port();
            analytics.start("analytics-a", portA, "state-a");
            int portB = AnalyticsProcesses.port();
            ChildProcess b = analytics.start("analytics-b", portB, "state-b");

            Set<UUID> heldByB = new TreeSet<>();
            await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() -> {
                Set<UUID> inA = localJobs(portA, jobs);
                Set<UUID> inB = localJobs(portB, jobs);
                assertFalse(inA.isEmpty(), "a holds a part");
                assertFalse(inB.isEmpty(), "b holds a part");
                assertEquals(JOBS, inA.size() + inB.size(), "each job in one instance");
                for (int port : List.of(portA, portB)) {
                    assertEquals(firstJobs, jobPages(port, jobs), "the jobs through " + port);
                    assertEquals(firstHosts, hostPages(port), "the hosts through " + port);
                }
                heldByB.clear();
                heldByB.addAll(inB);
            });
            assertEquals(ranking(portA, 3), ranking(portB, 3), "the same top 3 through either");
            assertEquals(3, ranking(portA, 3).size());

            CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> send(producer, secondHalf));
            long firstTotal =
                    firstJobs.values().stream().mapToLong(Long::longValue).sum();
            await().atMost(DEADLINE).until(() -> rest.isDone() || total(jobPages(portA, jobs)) > firstTotal);
            b.suspend(); // it accepts connections and answers nothing
            UUID bJob = heldByB.iterator().next();
            assertEquals(503, query(portA, "/jobs/" + bJob + "/stats").statusCode(), "b's job while b stalls");
            query(portA, "/stats/hosts?top=5");
            b.kill();
            rest.get();

            // a takes b's partitions over; meanwhile every answer comes in time, 200 or 503
            Map<UUID, Long> allJobs = pagesBy(all, PageRecord::jobId);
            Map<String, Long> allHosts = pagesBy(all, TestPages::host);
            AtomicInteger unavailable = new AtomicInteger();
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).until(() -> {
                HttpResponse<String> job = query(portA, "/jobs/" + bJob + "/stats");
                HttpResponse<String> top = query(portA, "/stats/hosts?top=1000");
                if (job.statusCode() == 503 || top.statusCode() == 503) {
                    unavailable.incrementAndGet();
                    return false;
                }
                return allJobs.equals(jobPages(portA, jobs)) && allHosts.equals(hostPages(portA));
            });
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertEquals(allJobs, jobPages(portA, jobs), "no page counted twice");
                assertEquals(allHosts, hostPages(portA));
            });
            for (UUID job : jobs) {
                PageStats counted = jobStats(portA, job).orElseThrow();
                List<PageRecord> pages =
                        all.stream().filter(p -> p.jobId().equals(job)).toList();
                assertEquals(pages.stream().mapToLong(PageRecord::bytes).sum(), counted.bytes(), "bytes of " + job);
                assertEquals(TestPages.count(pages, p -> p.outcome().name()), counted.outcomes());
                assertEquals(allJobs.get(job), latest(published, job).pages(), "crawl.stats.jobs of " + job);
            }

            analytics.start("analytics-b-again", portB, "state-b");
            await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() -> {
                assertFalse(localJobs(portB, jobs).isEmpty(), "b holds a part again");
                assertEquals(allJobs, jobPages(portB, jobs));
                assertEquals(allHosts, hostPages(portB));
                assertEquals(allJobs, jobPages(portA, jobs));
            });
            System.err.println("503 answers seen through the survivor while it took over: " + unavailable.get());
        }
    }

    /** A GET that must answer within the bound, with the statistics or 503. */
    private static HttpResponse<String> query(int port, String path) {
        long start = System.nanoTime();
        HttpResponse<String> response = AnalyticsProcesses.get(port, path);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(ANSWER_BOUND) < 0, path + " took " + took);
        assertTrue(
                response.statusCode() == 200 || response.statusCode() == 503,
                path + ": " + response.statusCode() + " " + response.body());
        return response;
    }

    /** The jobs whose statistics the instance holds in its own stores. */
    private static Set<UUID> localJobs(int port, List<UUID> jobs) {
        return jobs.stream()
                .filter(job -> AnalyticsProcesses.get(port, "/local/jobs/" + job + "/stats")
                                .statusCode()
                        == 200)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A job's statistics through an instance; empty when it answered 503. */
    private static Optional<PageStats> jobStats(int port, UUID job) {
        HttpResponse<String> response = query(port, "/jobs/" + job + "/stats");
        return response.statusCode() == 503
                ? Optional.empty()
                : Optional.of(EventJson.read(response.body().getBytes(StandardCharsets.UTF_8), PageStats.class));
    }

    /** The pages of each job that the instance answered for (not those it answered 503 for). */
    private static Map<UUID, Long> jobPages(int port, List<UUID> jobs) {
        Map<UUID, Long> pages = new TreeMap<>();
        jobs.forEach(job -> jobStats(port, job).ifPresent(stats -> pages.put(job, stats.pages())));
        return pages;
    }

    /** This run's hosts and their pages, from the ranking of all hosts (none when it answered 503). */
    private Map<String, Long> hostPages(int port) {
        return ranking(port, 1000).stream()
                .filter(stats -> hosts.contains(stats.host()))
                .collect(Collectors.toMap(PageStats::host, PageStats::pages, Long::sum, TreeMap::new));
    }

    /** The top hosts through an instance; none when it answered 503. */
    private static List<PageStats> ranking(int port, int top) {
        HttpResponse<String> response = query(port, "/stats/hosts?top=" + top);
        if (response.statusCode() == 503) {
            return List.of();
        }
        try {
            JsonNode ranked = EventJson.mapper().readTree(response.body()).get("hosts");
            return StreamSupport.stream(ranked.spliterator(), false)
                    .map(node -> EventJson.mapper().convertValue(node, PageStats.class))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a ranking: " + response.body(), e);
        }
    }

    private static PageStats latest(TopicReader published, UUID job) {
        List<PageStats> values = published.values(Topics.STATS_JOBS, job.toString(), PageStats.class);
        return values.get(values.size() - 1);
    }

    private static <K> Map<K, Long> pagesBy(List<PageRecord> pages, Function<PageRecord, K> key) {
        return pages.stream().distinct().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static long total(Map<UUID, Long> pages) {
        return pages.values().stream().mapToLong(Long::longValue).sum();
    }
}
