package io.simplecrawler.crawlstate;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A job's copies of robots.txt files ({@link JobKeys#robots}), one per origin, written by the
 * fetcher that fetched the file and read by every fetcher; each expires by its own time to live.
 * The value is the fetcher's own serialised form of the file.
 */
@Singleton
public class RobotsCopies {
    private final StatefulRedisConnection<String, String> redis;

    public RobotsCopies(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    public CompletableFuture<Optional<String>> find(UUID jobId, String origin) {
        return redis.async()
                .get(JobKeys.robots(jobId, origin))
                .toCompletableFuture()
                .thenApply(Optional::ofNullable);
    }

    public CompletableFuture<Void> save(UUID jobId, String origin, String file, Duration ttl) {
        return redis.async()
                .set(JobKeys.robots(jobId, origin), file, SetArgs.Builder.ex(ttl))
                .toCompletableFuture()
                .thenApply(ok -> null);
    }
}
