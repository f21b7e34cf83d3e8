package io.simplecrawler.frontier.stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.testkit.StoppableRedis;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** A running frontier on a Redis of the test's own, whose keys the test may count or flush without touching other tests'. */
abstract class OwnRedisFrontierTest extends RunningFrontierTest {
    private final StoppableRedis store = new StoppableRedis();
    private final RedisClient admin = RedisClient.create(store.uri());
    protected final StatefulRedisConnection<String, String> redis = admin.connect();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("redis.uri", store.uri());
        return properties;
    }

    @AfterAll
    void closeRedis() {
        redis.close();
        admin.shutdown();
        store.close();
    }
}
