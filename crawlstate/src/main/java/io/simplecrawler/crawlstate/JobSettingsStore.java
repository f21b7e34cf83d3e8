package io.simplecrawler.crawlstate;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobSettings;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Each job's {@link JobSettings} ({@link JobKeys#settings}), written by the frontier when it
 * admits the seed and read by the fetchers. Settings never change after submission, so callers
 * may cache what they read; a missing key means the job is unknown, stopped long ago or lost.
 */
@Singleton
public class JobSettingsStore {
    private final StatefulRedisConnection<String, String> redis;

    public JobSettingsStore(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    /**
     * Stores the settings of a new job; a replayed submission leaves the stored ones, and the
     * time to live they may have, as they are.
     */
    public void save(UUID jobId, JobSettings settings) {
        redis.sync().set(JobKeys.settings(jobId), EventJson.writeString(settings), SetArgs.Builder.nx());
    }

    /** @throws io.simplecrawler.schemas.MalformedEventException if the stored JSON is unreadable */
    public Optional<JobSettings> find(UUID jobId) {
        return Optional.ofNullable(redis.sync().get(JobKeys.settings(jobId))).map(JobSettingsStore::read);
    }

    /**
     * As {@link #find}, without blocking: completes exceptionally when Redis cannot be reached or
     * with a {@link io.simplecrawler.schemas.MalformedEventException} when the JSON is unreadable.
     */
    public CompletableFuture<Optional<JobSettings>> findAsync(UUID jobId) {
        return redis.async().get(JobKeys.settings(jobId)).toCompletableFuture().thenApply(json -> Optional.ofNullable(
                        json)
                .map(JobSettingsStore::read));
    }

    private static JobSettings read(String json) {
        return EventJson.read(json.getBytes(StandardCharsets.UTF_8), JobSettings.class);
    }
}
