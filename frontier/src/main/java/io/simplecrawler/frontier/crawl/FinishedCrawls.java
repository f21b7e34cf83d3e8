package io.simplecrawler.frontier.crawl;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.annotation.Value;
import io.simplecrawler.schemas.JobKeys;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;

/**
 * Lets the crawl state of a finished crawl expire, so that Redis holds no job for ever. Not at
 * once: a links record replayed soon after (a frontier restarted before committing) must still
 * find the job's admitted and settled URLs to change nothing, so they live on for
 * {@code frontier.finished-crawl-retention}. Expiring a key twice, or one that is gone, is harmless.
 */
@Singleton
class FinishedCrawls {
    private final RedisCommands<String, String> redis;
    private final Duration retention;

    FinishedCrawls(StatefulRedisConnection<String, String> connection,
                   @Value("${frontier.finished-crawl-retention}") Duration retention) {
        this.redis = connection.sync();
        this.retention = retention;
    }

    void expire(UUID jobId) {
        for (String key : JobKeys.crawlState(jobId)) {
            redis.expire(key, retention);
        }
    }
}
