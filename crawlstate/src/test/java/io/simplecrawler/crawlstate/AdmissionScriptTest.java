package io.simplecrawler.crawlstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.testkit.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admission against a real Redis: exact budget under concurrency, idempotent replays. */
class AdmissionScriptTest {
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static AdmissionScript admission;

    private final UUID job = UUID.randomUUID();

    @BeforeAll
    static void connect() {
        client = RedisClient.create(TestRedis.uri());
        connection = client.connect();
        admission = new AdmissionScript(connection);
    }

    @AfterAll
    static void close() {
        connection.close();
        client.shutdown();
    }

    @Test
    void admitsNewUrlsUpToTheBudgetAndSettlesTheSource() {
        admission.admitSeed(job, "http://s/", 3);
        Admission result = settle("http://s/", 3, "http://s/a", "http://s/", "http://s/b", "http://s/c");
        assertEquals(List.of("http://s/a", "http://s/b"), result.toFetch());
        assertEquals(3, result.admitted());
        assertEquals(1, result.settled());
        assertFalse(result.crawlFinished());
    }

    @Test
    void aReplayedSettlementReEmitsOnlyItsOwnUnsettledUrlsAndCountsOnce() {
        admission.admitSeed(job, "http://s/", 10);
        settle("http://s/", 10, "http://s/a", "http://s/b");
        settle("http://s/a", 10, "http://s/b", "http://s/c");

        Admission replay = settle("http://s/", 10, "http://s/a", "http://s/b");

        assertEquals(List.of("http://s/b"), replay.toFetch(), "a is settled, b is not; c belongs to a");
        assertEquals(4, replay.admitted());
        assertEquals(2, replay.settled());
    }

    @Test
    void theCrawlIsFinishedWhenEveryAdmittedUrlSettled() {
        admission.admitSeed(job, "http://s/", 10);
        settle("http://s/", 10, "http://s/a");
        assertTrue(settle("http://s/a", 10).crawlFinished());
    }

    @Test
    void theBudgetIsExactWhenManyPagesSettleAtOnce() throws Exception {
        int budget = 90;
        admission.admitSeed(job, "http://s/", budget);
        int sources = 40;
        for (int source = 0; source < sources; source++) {
            connection.sync().hset(JobKeys.admitted(job), "http://s/src" + source, "http://s/");
        }
        Set<String> emitted = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int source = 0; source < sources; source++) {
                int s = source;
                calls.add(pool.submit(() -> {
                    List<String> urls = IntStream.range(0, 20)
                            .mapToObj(i -> "http://s/" + (s * 7 + i))
                            .toList();
                    emitted.addAll(admission
                            .settle(job, "http://s/src" + s, budget, urls, List.of())
                            .orElseThrow()
                            .toFetch());
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(budget - 1 - sources, emitted.size(), "the seed and the sources take their places of the budget");
        assertEquals(budget, settle("http://s/src0", budget).admitted());
    }

    @Test
    void settlingAUrlTheJobNeverAdmittedChangesNothing() {
        admission.admitSeed(job, "http://s/", 10);

        for (String stranger : List.of("http://s/never", AdmissionScript.SEED_SOURCE)) {
            assertThrows(MalformedEventException.class, () -> settle(stranger, 10, "http://s/a"));
        }
        Admission seed = settle("http://s/", 10);
        assertEquals(1, seed.admitted());
        assertEquals(1, seed.settled(), "only the seed settled");
    }

    @Test
    void aUrlThatAFetcherClaimedIsNotAdmitted() {
        admission.admitSeed(job, "http://s/", 10);
        connection.sync().hset(JobKeys.claimed(job), "http://s/new", "http://s/old");

        Admission result = settle("http://s/", 10, "http://s/old", "http://s/new");

        assertEquals(List.of("http://s/old"), result.toFetch());
        assertEquals(2, result.admitted());
    }

    @Test
    void filteredLinksAreCountedOnceAcrossPagesAndReplays() {
        admission.admitSeed(job, "http://s/", 10);
        Admission first = admission
                .settle(job, "http://s/", 10, List.of("http://s/a"), List.of("http://s/x/x/x", "http://s/y/y/y"))
                .orElseThrow();
        Admission replay = admission
                .settle(job, "http://s/", 10, List.of("http://s/a"), List.of("http://s/x/x/x", "http://s/y/y/y"))
                .orElseThrow();
        Admission other = admission
                .settle(job, "http://s/a", 10, List.of(), List.of("http://s/x/x/x"))
                .orElseThrow();

        assertEquals(2, first.filtered());
        assertEquals(2, first.newlyFiltered());
        assertEquals(0, replay.newlyFiltered());
        assertEquals(2, other.filtered());
        assertEquals(
                List.of("http://s/a"), replay.toFetch(), "the replay re-emits its unsettled admission, not the traps");
    }

    @Test
    void aJobWithoutAdmittedUrlsSettlesNothingAndSaysSo() {
        assertTrue(admission
                .settle(job, "http://s/", 10, List.of("http://s/a"), List.of("http://s/x/x/x"))
                .isEmpty());
        assertEquals(
                0L,
                connection.sync().exists(JobKeys.admitted(job), JobKeys.settled(job), JobKeys.filtered(job)),
                "a job whose state is gone gets none back");
    }

    private Admission settle(String source, int maxPages, String... urls) {
        return admission.settle(job, source, maxPages, List.of(urls), List.of()).orElseThrow();
    }
}
