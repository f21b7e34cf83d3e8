package io.simplecrawler.crawlstate;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
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
public class PublishedTasks {
    /** Long enough for any crawl; the set is only needed while the job's tasks can still be replayed. */
    private static final Duration RETENTION = Duration.ofDays(7);

    // KEYS: published set, settings. ARGV: url, retention in seconds.
    // The set expires with the job's settings once the frontier stopped the crawl (a task
    // published after the stop must not give it a week again), and is not written at all when
    // the settings are gone: the job's state expired or was lost, and nothing would remove it.
    private static final String SCRIPT =
            """
            local ttl = redis.call('PTTL', KEYS[2])
            if ttl == -2 then
              return 0
            end
            redis.call('SADD', KEYS[1], ARGV[1])
            if ttl > 0 then
              redis.call('PEXPIRE', KEYS[1], ttl)
            else
              redis.call('EXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """;

    private final StatefulRedisConnection<String, String> redis;

    public PublishedTasks(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    public CompletableFuture<Boolean> contains(UUID jobId, String url) {
        return redis.async().sismember(JobKeys.published(jobId), url).toCompletableFuture();
    }

    public CompletableFuture<Void> add(UUID jobId, String url) {
        String[] keys = {JobKeys.published(jobId), JobKeys.settings(jobId)};
        return redis.async()
                .<Long>eval(SCRIPT, ScriptOutputType.INTEGER, keys, url, Long.toString(RETENTION.toSeconds()))
                .toCompletableFuture()
                .thenApply(written -> null);
    }
}
