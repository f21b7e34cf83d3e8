package io.simplecrawler.crawlstate;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Crawls the frontier stopped ({@link JobKeys#stopped}): cancelled, rejected, finished, or whose
 * state was lost. Only the frontier stops a crawl; the frontier and the fetchers check the mark
 * before new work (invariant 6). Stopping is also how a job's Redis keys go away. A finished or
 * failed crawl's state expires {@code crawlstate.finished-crawl-retention} after the stop, not at
 * once, so that a record replayed soon after (a frontier restarted before committing) still finds
 * the admitted and settled URLs and changes nothing. A cancelled crawl's state stays as long as
 * the mark ({@code stopped-crawl-retention}), because its tasks in flight still settle (as
 * cancelled) and finish the crawl, which then shortens it. The mark outlives the state, so a
 * later record is known to be late rather than of a job whose state Redis lost. Stopping again
 * restarts the clocks.
 */
@Singleton
public class StoppedCrawls {
    private final StatefulRedisConnection<String, String> redis;
    private final Duration stateRetention;
    private final Duration markRetention;

    public StoppedCrawls(StatefulRedisConnection<String, String> redis, CrawlStateConfiguration configuration) {
        this.redis = redis;
        this.stateRetention = configuration.finishedCrawlRetention();
        this.markRetention = configuration.stoppedCrawlRetention().compareTo(stateRetention) > 0
                ? configuration.stoppedCrawlRetention()
                : stateRetention;
    }

    /** Marks the crawl cancelled: no new work starts, and the tasks in flight may still settle. */
    public void cancel(UUID jobId) {
        stop(jobId, "cancelled", markRetention);
    }

    /** Marks the crawl stopped for good (finished, rejected, lost) with the reason, and lets its state expire soon. */
    public void finish(UUID jobId, String reason) {
        stop(jobId, reason, stateRetention);
    }

    public boolean isStopped(UUID jobId) {
        return redis.sync().exists(JobKeys.stopped(jobId)) > 0;
    }

    /**
     * Asked just before each request starts, and not cached: a cancel must stop the next request
     * of the job, not the one after a cache expiry.
     */
    public CompletableFuture<Boolean> isStoppedAsync(UUID jobId) {
        return redis.async()
                .exists(JobKeys.stopped(jobId))
                .toCompletableFuture()
                .thenApply(count -> count > 0);
    }

    private void stop(UUID jobId, String reason, Duration stateTtl) {
        var commands = redis.sync();
        for (String key : JobKeys.crawlState(jobId)) {
            commands.expire(key, stateTtl);
        }
        // last, so that a retry after a failure here stops the crawl again
        commands.set(JobKeys.stopped(jobId), reason, SetArgs.Builder.ex(markRetention));
    }
}
