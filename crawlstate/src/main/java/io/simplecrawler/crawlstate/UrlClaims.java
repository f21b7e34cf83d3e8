package io.simplecrawler.crawlstate;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Claims URLs that a task's page covers besides its own (a redirect target, the declared
 * canonical URL) in {@link JobKeys#claimed}, atomically against the frontier's admitted URLs:
 * a URL the job admitted as a task of its own, or that another task claimed, is not the
 * claimant's to fetch. The frontier admits no claimed URL, so each page is fetched once, and
 * the budget and completion are untouched: claims add no task. A replayed claim by the same
 * task succeeds again. The claims expire with the job's settings once the crawl is stopped; with
 * the settings gone (the job's state expired or was lost) a claim is granted and not written.
 */
@Singleton
public class UrlClaims {
    // KEYS: admitted hash, claimed hash, settings. ARGV: url, claimant.
    private static final String SCRIPT =
            """
            local ttl = redis.call('PTTL', KEYS[3])
            if ttl == -2 then
              return 1
            end
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
              return 0
            end
            local by = redis.call('HGET', KEYS[2], ARGV[1])
            if by and by ~= ARGV[2] then
              return 0
            end
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
            if ttl > 0 then
              redis.call('PEXPIRE', KEYS[2], ttl)
            end
            return 1
            """;

    private final StatefulRedisConnection<String, String> redis;

    public UrlClaims(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    /**
     * @param url      in normal form ({@code crawlscope.CrawlScope#normalise})
     * @param claimant the URL of the task whose page covers it
     * @return true if the claimant may fetch the URL, false if the job has it under another task
     */
    public CompletableFuture<Boolean> claim(UUID jobId, String url, String claimant) {
        String[] keys = {JobKeys.admitted(jobId), JobKeys.claimed(jobId), JobKeys.settings(jobId)};
        return redis.async()
                .<Long>eval(SCRIPT, ScriptOutputType.INTEGER, keys, url, claimant)
                .toCompletableFuture()
                .thenApply(claimed -> claimed == 1L);
    }
}
