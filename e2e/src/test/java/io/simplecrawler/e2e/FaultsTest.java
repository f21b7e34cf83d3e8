package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.testkit.MixedSite;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import redis.clients.jedis.Jedis;

/**
 * Each fault of the "never stuck" list, with real processes, while three jobs crawl mixed sites on
 * three hosts: the broker killed (and a job submitted and one cancelled while it is down, which the
 * gateway's outbox relays), the gateway killed, Postgres restarted, Redis paused for 30 s, a fetcher frozen for
 * longer than its session timeout, the fetch tasks lost (deleted from the topic: the exporter's
 * watchdog re-drives the stalled jobs), one settled mark of each running crawl lost (the re-driven
 * task is fetched again although published, and settles). After each: every job completed with each admitted URL once in
 * pages.jsonl and in the result file, its counters right, and every service healthy. A stack of
 * its own, since these faults break parts the other tests share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// beside the other classes (junit-platform.properties): a stack of its own, mostly waiting out its faults;
// its methods in order, one at a time, each SAME_THREAD
@Execution(ExecutionMode.CONCURRENT)
class FaultsTest {
    private static final Duration JOBS_DEADLINE = Duration.ofMinutes(4);
    private static final int PAGES = 150;

    private FaultStack stack;
    private List<MixedSite> sites;

    @BeforeAll
    void startStack() {
        sites = List.of(
                MixedSite.start("127.0.0.41", 41, 5_000),
                MixedSite.start("127.0.0.42", 42, 5_000),
                MixedSite.start("127.0.0.43", 43, 5_000));
        stack = FaultStack.start("e2e-faults");
    }

    @AfterAll
    void stopStack() {
        stack.close();
        sites.forEach(MixedSite::close);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theBrokerKilledForThirtySecondsWithAJobSubmittedAndOneCancelledMeanwhile() {
        UUID cancelled = submit(sites.get(2).pageUrl(7), 2, 2_000);
        crawlThrough(Fault.BROKER_KILLED, Duration.ofSeconds(30), true, () -> {
            assertEquals(200, stack.api().cancel(cancelled).statusCode(), "the gateway cancels without Kafka");
        });
        assertCancelReachedTheFrontier(cancelled);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theGatewayKilledAndStartedAgain() {
        crawlThrough(Fault.GATEWAY_KILLED, Duration.ZERO, false);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void postgresRestarted() {
        crawlThrough(Fault.POSTGRES_RESTARTED, Duration.ofSeconds(15), false);
    }

    /**
     * Last: when it fails, the stack it leaves behind would fail the others. It failed before the
     * frontier retried store faults on its stream thread (Kafka Streams shut the frontier's client
     * down for good). A job cancelled while Redis is paused ends cancelled, and its cancel reaches
     * the frontier through {@code crawl.jobs}.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(Integer.MAX_VALUE)
    void redisPausedForThirtySecondsWithAJobCancelledMeanwhile() {
        UUID cancelled = submit(sites.get(1).pageUrl(3), 2, 2_000);
        // 30 s: ten times the services' Redis time-out (3 s), three times the frontier's session time-out (10 s)
        crawlThrough(Fault.REDIS_PAUSED, Duration.ofSeconds(30), false, () -> {
            assertEquals(200, stack.api().cancel(cancelled).statusCode(), "the gateway cancels without Redis");
        });
        assertCancelReachedTheFrontier(cancelled);
    }

    /** The job is cancelled, and its cancel reached the frontier through crawl.jobs: its crawl is stopped. */
    private void assertCancelReachedTheFrontier(UUID cancelled) {
        assertEquals(
                "cancelled",
                stack.api().awaitFinished(cancelled, Duration.ofSeconds(10)).get("status"));
        try (Jedis redis = new Jedis(URI.create(stack.redisUri()))) {
            await("the cancel reached the frontier through crawl.jobs")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> redis.exists(JobKeys.stopped(cancelled)));
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aFetcherFrozenLongerThanItsSessionTimeout() {
        crawlThrough(Fault.FETCHER_FROZEN, Duration.ofSeconds(25), false);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theFetchTasksLostWhileTheFetchersWereStopped() {
        crawlThrough(Fault.FETCH_TASKS_LOST, Duration.ZERO, false);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void oneSettledMarkOfEachRunningCrawlLost() {
        crawlThrough(Fault.SETTLED_MARK_LOST, Duration.ZERO, false);
    }

    private void crawlThrough(Fault fault, Duration hold, boolean submitWhileBroken) {
        crawlThrough(fault, hold, submitWhileBroken, () -> {});
    }

    private void crawlThrough(Fault fault, Duration hold, boolean submitWhileBroken, Runnable alsoWhileBroken) {
        Map<UUID, Integer> jobs = new LinkedHashMap<>();
        int[] concurrency = {1, 4, 16};
        int offset = fault.ordinal() * 10;
        for (int i = 0; i < sites.size(); i++) {
            jobs.put(submit(sites.get(i).pageUrl(offset + i), concurrency[i], PAGES), PAGES);
        }
        int before = requests();
        await("the crawl under way").atMost(Duration.ofMinutes(2)).until(() -> requests() >= before + 30);

        List<UUID> late = new ArrayList<>();
        stack.inject(fault, hold, () -> {
            if (submitWhileBroken) {
                late.add(submit(sites.get(0).pageUrl(offset + 5), 4, 50));
            }
            alsoWhileBroken.run();
        });
        late.forEach(id -> jobs.put(id, 50));

        Instant deadline = Instant.now().plus(JOBS_DEADLINE);
        JobAudit audit = stack.audit();
        List<String> violations = new ArrayList<>();
        jobs.forEach((id, pages) -> {
            Map<String, Object> job = stack.api().awaitFinished(id, Duration.between(Instant.now(), deadline));
            assertEquals("completed", job.get("status"), job.toString());
            violations.addAll(audit.violations(job, pages));
        });
        assertEquals(List.of(), violations);
        stack.awaitHealthy();
    }

    private UUID submit(String url, int concurrency, int maxPages) {
        return stack.api()
                .submit(Map.of(
                        "url",
                        url,
                        "maxDepth",
                        10,
                        "maxPages",
                        maxPages,
                        "concurrency",
                        concurrency,
                        "delayMs",
                        20,
                        "format",
                        concurrency % 2 == 0 ? "json" : "markdown"));
    }

    private int requests() {
        return sites.stream().mapToInt(MixedSite::requestCount).sum();
    }
}
