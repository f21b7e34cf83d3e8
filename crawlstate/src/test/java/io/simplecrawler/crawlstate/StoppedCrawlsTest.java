package io.simplecrawler.crawlstate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.testkit.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stopping a crawl on a real Redis: every key of the job expires, and keys written after the stop too. */
class StoppedCrawlsTest {
    private static final Duration STATE = Duration.ofSeconds(1);
    private static final Duration MARK = Duration.ofSeconds(3);

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static StoppedCrawls stopped;
    private static JobSettingsStore settings;
    private static AdmissionScript admission;
    private static PublishedTasks published;
    private static UrlClaims claims;

    private final UUID job = UUID.randomUUID();

    @BeforeAll
    static void connect() {
        client = RedisClient.create(TestRedis.uri());
        connection = client.connect();
        stopped = new StoppedCrawls(connection, new CrawlStateConfiguration(Duration.ofSeconds(3), STATE, MARK));
        settings = new JobSettingsStore(connection);
        admission = new AdmissionScript(connection);
        published = new PublishedTasks(connection);
        claims = new UrlClaims(connection);
    }

    @AfterAll
    static void close() {
        connection.close();
        client.shutdown();
    }

    @Test
    void aFinishedCrawlsStateExpiresFirstAndItsMarkLater() {
        startCrawl();
        claims.claim(job, "http://s/moved", "http://s/").join();
        published.add(job, "http://s/").join();

        stopped.finish(job, "crawled");

        assertTrue(stopped.isStopped(job));
        assertTrue(stopped.isStoppedAsync(job).join());
        for (String key : JobKeys.crawlState(job)) {
            long ttl = connection.sync().pttl(key);
            assertTrue(ttl > 0 && ttl <= STATE.toMillis(), key + " expires with the state: " + ttl);
        }
        assertTrue(connection.sync().pttl(JobKeys.stopped(job)) > STATE.toMillis(), "the mark outlives the state");
        await().atMost(Duration.ofSeconds(10)).until(() -> existing() == 0);
    }

    @Test
    void aCancelledCrawlsStateStaysAsLongAsTheMarkUntilTheCrawlFinishes() {
        startCrawl();
        stopped.cancel(job);
        assertTrue(
                connection.sync().pttl(JobKeys.admitted(job)) > STATE.toMillis(),
                "its tasks in flight may still settle");

        stopped.finish(job, "crawled");
        assertTrue(connection.sync().pttl(JobKeys.admitted(job)) <= STATE.toMillis());
    }

    @Test
    void aTaskPublishedOrAUrlClaimedAfterTheStopExpiresWithTheSettings() {
        startCrawl();
        stopped.finish(job, "crawled");

        published.add(job, "http://s/").join();
        assertTrue(claims.claim(job, "http://s/moved", "http://s/").join());

        long settingsTtl = connection.sync().pttl(JobKeys.settings(job));
        for (String key : List.of(JobKeys.published(job), JobKeys.claimed(job))) {
            long ttl = connection.sync().pttl(key);
            assertTrue(ttl > 0 && ttl <= settingsTtl, key + ": " + ttl);
        }
    }

    @Test
    void aRunningCrawlsPublishedTasksExpireAfterAWeek() {
        startCrawl();
        published.add(job, "http://s/").join();

        assertTrue(published.contains(job, "http://s/").join());
        assertTrue(connection.sync().ttl(JobKeys.published(job))
                > Duration.ofDays(6).toSeconds());
        assertEquals(-1L, connection.sync().ttl(JobKeys.settings(job)), "the rest lives until the crawl stops");
    }

    @Test
    void nothingIsWrittenForAJobWhoseSettingsAreGone() {
        published.add(job, "http://s/").join();
        assertTrue(claims.claim(job, "http://s/moved", "http://s/").join(), "nothing to claim against");

        assertEquals(0, existing());
        assertFalse(stopped.isStopped(job));
    }

    private void startCrawl() {
        settings.save(job, new JobSettings("http://s/", 10, 1, OutputFormat.MARKDOWN, 0, 4, 30_000));
        admission.admitSeed(job, "http://s/", 10);
        admission
                .settle(job, "http://s/", 10, List.of("http://s/a"), List.of("http://s/x/x/x"))
                .orElseThrow();
    }

    private long existing() {
        return connection.sync().exists(JobKeys.crawlState(job).toArray(String[]::new))
                + connection.sync().exists(JobKeys.stopped(job));
    }
}
