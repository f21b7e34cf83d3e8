package io.simplecrawler.frontier.stream;

import static io.simplecrawler.frontier.stream.FrontierRecords.DEADLINE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lettuce.core.RedisClient;
import io.micronaut.health.HealthStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.schemas.CrawlFinished;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.StoppableRedis;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Redis paused or stopped mid-crawl: the frontier's stream threads wait for it (health DOWN),
 * go on by themselves when it is back (health UP), and the job completes.
 */
@MicronautTest
class StoreFaultsTest extends RunningFrontierTest {
    private final StoppableRedis redis = new StoppableRedis();

    @Inject
    FrontierStreams streams;

    @Inject
    StreamsHealthIndicator health;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("redis.uri", redis.uri(), "crawlstate.redis-timeout", "1s", "frontier.max-retry-backoff", "1s");
    }

    @AfterAll
    void stopRedis() {
        redis.close();
    }

    @Test
    void aPausedRedisStallsTheCrawlUntilItAnswersAgain() {
        String seed = "http://paused.test/";
        UUID job = startJob(seed);

        RedisClient admin = RedisClient.create(redis.uri());
        try (var connection = admin.connect()) {
            connection.sync().clientPause(10_000);
        } finally {
            admin.shutdown();
        }
        List<String> links = List.of(seed + "a", seed + "b");
        records.send(Topics.LINKS, job, new LinksDiscovered(job, seed, 0, FetchOutcome.FETCHED, links));
        awaitHealth(HealthStatus.DOWN);
        awaitHealth(HealthStatus.UP);

        records.settleSeedAndChildren(job, seed, links); // the seed's links again: a replay, harmless

        assertEquals(3, records.awaitFact(job, CrawlFinished.class).total());
    }

    @Test
    void aRedisStoppedAndStartedAgainStallsTheCrawlUntilItIsBack() {
        String seed = "http://restarted.test/";
        UUID job = startJob(seed);

        redis.stop();
        records.send(Topics.LINKS, job, new LinksDiscovered(job, seed, 0, FetchOutcome.FETCHED, List.of(seed + "a")));
        awaitHealth(HealthStatus.DOWN);
        redis.start();
        awaitHealth(HealthStatus.UP);

        records.settleSeedAndChildren(job, seed, List.of(seed + "a"));
        assertEquals(2, records.awaitFact(job, CrawlFinished.class).total());
    }

    /** A job whose seed task the frontier has emitted. */
    private UUID startJob(String seed) {
        UUID job = UUID.randomUUID();
        records.submit(job, seed, 10, 1);
        records.awaitTasks(job, 1);
        return job;
    }

    private void awaitHealth(HealthStatus status) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertEquals(KafkaStreams.State.RUNNING, streams.state(), "the Streams client never stops");
            return Mono.from(health.getResult()).block().getStatus().equals(status);
        });
    }
}
