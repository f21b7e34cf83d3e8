package io.simplecrawler.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

class TestRedisTest {

    @Test
    void answersPingOnLoopback() {
        assertTrue(TestRedis.uri().startsWith("redis://127.0.0.1:"), TestRedis.uri());
        RedisClient client = RedisClient.create(TestRedis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertEquals("PONG", connection.sync().ping());
            connection.sync().set("fixture", "works");
            assertEquals("works", connection.sync().get("fixture"));
        } finally {
            client.shutdown();
        }
    }
}
