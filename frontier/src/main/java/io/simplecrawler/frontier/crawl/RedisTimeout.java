package io.simplecrawler.frontier.crawl;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Gives the Redis connection a short command timeout ({@code frontier.redis-timeout}) instead of
 * Lettuce's minute, so a Redis that is paused or gone is noticed in seconds: the record's work is
 * then retried with backoff and the health is DOWN. ({@code redis.timeout} does not reach a
 * connection made from {@code redis.uri}.)
 */
@Singleton
class RedisTimeout implements BeanCreatedEventListener<StatefulRedisConnection<?, ?>> {
    private final Duration timeout;

    RedisTimeout(@Value("${frontier.redis-timeout:3s}") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public StatefulRedisConnection<?, ?> onCreated(BeanCreatedEvent<StatefulRedisConnection<?, ?>> event) {
        event.getBean().setTimeout(timeout);
        return event.getBean();
    }
}
