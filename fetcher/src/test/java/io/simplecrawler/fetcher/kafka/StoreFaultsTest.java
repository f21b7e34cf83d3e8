package io.simplecrawler.fetcher.kafka;

import static io.simplecrawler.fetcher.FetchTasks.DEADLINE;
import static io.simplecrawler.fetcher.FetchTasks.settings;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.micronaut.health.HealthStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.fetcher.RunningFetcherTest;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.testkit.StoppableRedis;
import io.simplecrawler.testkit.TestSite;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Redis paused or stopped while tasks come in: the consumer keeps running, its health is DOWN
 * while the tasks wait, UP again by itself when Redis is back, and the tasks settle.
 */
@MicronautTest
class StoreFaultsTest extends RunningFetcherTest {
    private final StoppableRedis stoppable = new StoppableRedis();

    @Inject
    FetchTaskConsumer consumer;

    @Inject
    ConsumerHealthIndicator health;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("redis.uri", stoppable.uri(), "crawlstate.redis-timeout", "1s");
    }

    @AfterAll
    void stopRedis() {
        stoppable.close();
    }

    @Test
    void aPausedRedisHoldsTasksUntilItAnswersAgain() {
        try (TestSite site = TestSite.tree(1, 1).start()) {
            UUID job = tasks.job(settings(site, 0, 2, 5000));
            RedisClient admin = RedisClient.create(stoppable.uri());
            try (var connection = admin.connect()) {
                connection.sync().clientPause(10_000);
            } finally {
                admin.shutdown();
            }
            tasks.fetch(job, site.url("/"));

            awaitHealth(HealthStatus.DOWN);
            awaitHealth(HealthStatus.UP);
            assertEquals(
                    FetchOutcome.FETCHED,
                    tasks.awaitPages(job, 1).get(site.url("/")).outcome());
        }
    }

    @Test
    void aRedisStoppedAndStartedAgainHoldsTasksUntilItIsBack() {
        try (TestSite site = TestSite.tree(1, 1).start()) {
            UUID job = tasks.job(settings(site, 0, 2, 5000));
            stoppable.stop();
            tasks.fetch(job, site.url("/"));

            awaitHealth(HealthStatus.DOWN);
            stoppable.start();
            awaitHealth(HealthStatus.UP);
            assertEquals(
                    FetchOutcome.FETCHED,
                    tasks.awaitPages(job, 1).get(site.url("/")).outcome());
        }
    }

    private void awaitHealth(HealthStatus status) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertTrue(consumer.isRunning(), "the consumer thread never dies");
            return Mono.from(health.getResult()).block().getStatus().equals(status);
        });
    }
}
