package io.simplecrawler.frontier.crawl;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.simplecrawler.schemas.JobKeys;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;

/**
 * Each job's cancelled mark ({@link JobKeys#cancelled}), which the fetchers check too (invariant 6).
 * Only the frontier writes it, on the {@code JobCancelled} command.
 */
@Singleton
class CancelledJobs {
    /** As long as any crawl state: a crawl that ends expires the mark sooner (see FinishedCrawls). */
    private static final Duration RETENTION = Duration.ofDays(7);

    private final RedisCommands<String, String> redis;

    CancelledJobs(StatefulRedisConnection<String, String> connection) {
        this.redis = connection.sync();
    }

    void cancel(UUID jobId) {
        redis.set(JobKeys.cancelled(jobId), "1", SetArgs.Builder.ex(RETENTION));
    }

    boolean isCancelled(UUID jobId) {
        return redis.exists(JobKeys.cancelled(jobId)) > 0;
    }
}
