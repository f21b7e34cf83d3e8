package io.simplecrawler.fetcher.jobs;

import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.schemas.JobKeys;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The set {@link JobKeys#CANCELLED}, asked just before each request starts. It is not cached:
 * a cancel must stop the next request of the job, not the one after a cache expiry.
 */
@Singleton
public class CancelledJobs {
    private final StatefulRedisConnection<String, String> redis;

    public CancelledJobs(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    public CompletableFuture<Boolean> contains(UUID jobId) {
        return redis.async().sismember(JobKeys.CANCELLED, jobId.toString()).toCompletableFuture();
    }
}
