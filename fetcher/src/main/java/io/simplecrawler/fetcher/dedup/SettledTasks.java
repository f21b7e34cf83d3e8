package io.simplecrawler.fetcher.dedup;

import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.schemas.JobKeys;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Tasks whose page and links records Kafka has acknowledged, in the set
 * {@link JobKeys#published}. A task delivered again (a fetcher died before committing its
 * offset, a frontier replay re-emitted it) is dropped without a request: its records are already
 * on their topics, so the crawl loses nothing and the site is not asked twice.
 */
@Singleton
public class SettledTasks {
    /** Long enough for any crawl; the set is only needed while the job's tasks can still be replayed. */
    private static final Duration RETENTION = Duration.ofDays(7);

    private final StatefulRedisConnection<String, String> redis;

    public SettledTasks(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    public CompletableFuture<Boolean> contains(UUID jobId, String url) {
        return redis.async().sismember(JobKeys.published(jobId), url).toCompletableFuture();
    }

    public CompletableFuture<Void> add(UUID jobId, String url) {
        var commands = redis.async();
        String key = JobKeys.published(jobId);
        return commands.sadd(key, url).toCompletableFuture()
                .thenCompose(added -> commands.expire(key, RETENTION).toCompletableFuture())
                .thenApply(ok -> null);
    }

}
