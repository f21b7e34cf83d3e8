package io.simplecrawler.crawlstate;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;

/**
 * Whether a job's terminal webhook event (completed, failed or cancelled) was delivered
 * ({@link JobKeys#webhookTerminal}), shared by gateway replicas so that a job gets at most one;
 * the mark expires after a week.
 */
@Singleton
public class WebhookMarks {
    private static final Duration RETENTION = Duration.ofDays(7);

    private final StatefulRedisConnection<String, String> redis;

    public WebhookMarks(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    public boolean terminalDelivered(UUID jobId) {
        return redis.sync().exists(JobKeys.webhookTerminal(jobId)) > 0;
    }

    /** Remembers that the job's terminal event, of {@code type}, was delivered. */
    public void markTerminalDelivered(UUID jobId, String type) {
        redis.sync().set(JobKeys.webhookTerminal(jobId), type, SetArgs.Builder.ex(RETENTION));
    }
}
