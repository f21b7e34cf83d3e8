package io.simplecrawler.fetcher.jobs;

import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.schemas.JobKeys;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The job's {@link JobKeys#cancelled} mark, asked just before each request starts. It is not cached:
 * a cancel must stop the next request of the job, not the one after a cache expiry.
 */
@Singleton
public class CancelledJobs {
    private final StatefulRedisConnection<String, String> redis;

    public CancelledJobs(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    public CompletableFuture<Boolean> contains(UUID jobId) {
        return redis.async().exists(JobKeys.cancelled(jobId)).toCompletableFuture().thenApply(count -> count > 0);
    }
}
