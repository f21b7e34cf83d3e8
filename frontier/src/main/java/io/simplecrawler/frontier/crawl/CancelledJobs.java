package io.simplecrawler.frontier.crawl;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.simplecrawler.schemas.JobKeys;
import jakarta.inject.Singleton;
import java.util.UUID;

/** The shared set of cancelled jobs, which fetchers check too (invariant 6). */
@Singleton
class CancelledJobs {
    private final RedisCommands<String, String> redis;

    CancelledJobs(StatefulRedisConnection<String, String> connection) {
        this.redis = connection.sync();
    }

    void cancel(UUID jobId) {
        redis.sadd(JobKeys.CANCELLED, jobId.toString());
    }

    boolean isCancelled(UUID jobId) {
        return redis.sismember(JobKeys.CANCELLED, jobId.toString());
    }
}
