package io.simplecrawler.fetcher.kafka;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Gives the Redis connection a short command timeout ({@code fetcher.redis-timeout}) instead of
 * Lettuce's minute, so a Redis that is paused or gone is noticed in seconds: the task is
 * then retried with backoff and the consumer reports itself stalled. ({@code redis.timeout} does not reach a
 * connection made from {@code redis.uri}.)
 */
@Singleton
class RedisTimeout implements BeanCreatedEventListener<StatefulRedisConnection<?, ?>> {
    private final Duration timeout;

    RedisTimeout(@Value("${fetcher.redis-timeout:3s}") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public StatefulRedisConnection<?, ?> onCreated(BeanCreatedEvent<StatefulRedisConnection<?, ?>> event) {
        event.getBean().setTimeout(timeout);
        return event.getBean();
    }
}
