package io.simplecrawler.crawlstate;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Gives every Redis connection of a service the short command timeout
 * {@code crawlstate.redis-timeout} (REDIS_TIMEOUT, 3 s) instead of Lettuce's minute, so a Redis
 * that is paused or gone is noticed in seconds: the caller's work is then retried with backoff
 * and its health is DOWN. ({@code redis.timeout} does not reach a connection made from
 * {@code redis.uri}.)
 */
@Singleton
class RedisTimeout implements BeanCreatedEventListener<StatefulRedisConnection<?, ?>> {
    private final CrawlStateConfiguration configuration;

    RedisTimeout(CrawlStateConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public StatefulRedisConnection<?, ?> onCreated(BeanCreatedEvent<StatefulRedisConnection<?, ?>> event) {
        event.getBean().setTimeout(configuration.redisTimeout());
        return event.getBean();
    }
}
