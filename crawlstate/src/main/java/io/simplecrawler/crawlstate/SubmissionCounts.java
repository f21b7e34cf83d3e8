package io.simplecrawler.crawlstate;

import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Submissions per API key and minute ({@link JobKeys#submissions}), counted in Redis so that
 * gateway replicas share them; each minute's counter expires a minute after it ends.
 */
@Singleton
public class SubmissionCounts {
    private static final Duration RETENTION = Duration.ofMinutes(2);

    private final StatefulRedisConnection<String, String> redis;

    public SubmissionCounts(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    /** Counts a submission of {@code caller} now; returns its submissions this minute, this one included. */
    public long add(String caller) {
        String window = JobKeys.submissions(caller, Instant.now().getEpochSecond() / 60);
        long thisMinute = redis.sync().incr(window);
        redis.sync().expire(window, RETENTION);
        return thisMinute;
    }
}
