package io.simplecrawler.crawlstate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.simplecrawler.testkit.TestRedis;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every service's Redis connection gets crawlstate.redis-timeout (REDIS_TIMEOUT), 3 s unless set. */
class RedisTimeoutTest {

    @Test
    void theConnectionTimesOutAfterTheConfiguredTime() {
        assertEquals(Duration.ofSeconds(3), timeoutWith(Map.of()));
        assertEquals(Duration.ofMillis(1500), timeoutWith(Map.of("crawlstate.redis-timeout", "1500ms")));
    }

    private static Duration timeoutWith(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("redis.uri", TestRedis.uri());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            return context.getBean(Argument.of(StatefulRedisConnection.class, String.class, String.class))
                    .getTimeout();
        }
    }
}
