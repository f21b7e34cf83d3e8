package io.simplecrawler.fetcher;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestRedis;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A fetcher running on the test broker and Redis, with {@link FetchTasks} to hand it tasks and
 * read what it settles. Subclasses add {@code @MicronautTest} and, if needed, settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RunningFetcherTest implements TestPropertyProvider {
    @Inject
    protected StatefulRedisConnection<String, String> redis;

    protected FetchTasks tasks;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "redis.uri", TestRedis.uri(),
                "fetcher.retry-backoff", "50ms"));
        properties.putAll(extraProperties());
        return properties;
    }

    /** Settings of this test on top of the common ones. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeAll
    void connect() {
        tasks = new FetchTasks(redis);
    }

    @AfterAll
    void disconnect() {
        tasks.close();
    }
}
