package io.simplecrawler.fetcher.jobs;

import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.fetcher.FetcherConfiguration;
import io.simplecrawler.schemas.CrawlScope;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobKeys;
import io.simplecrawler.schemas.JobSettings;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A job's {@link JobSettings}, read from {@link JobKeys#settings(UUID)}, with its scope, kept in
 * a bounded least-recently-used map. Settings never change once the frontier wrote them, so a
 * cached entry is never stale; a missing key is not cached, since it means the job is unknown or gone.
 */
@Singleton
public class JobSettingsCache {
    private final StatefulRedisConnection<String, String> redis;
    private final Map<UUID, CrawlJob> cache;

    public JobSettingsCache(StatefulRedisConnection<String, String> redis, FetcherConfiguration configuration) {
        this.redis = redis;
        int capacity = configuration.settingsCacheSize();
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, CrawlJob> eldest) {
                return size() > capacity;
            }
        });
    }

    /**
     * Completes exceptionally when Redis cannot be reached, with a
     * {@link io.simplecrawler.schemas.MalformedEventException} when the stored JSON is unreadable
     * and with an {@link IllegalArgumentException} when the settings have no scope.
     */
    public CompletableFuture<Optional<CrawlJob>> get(UUID jobId) {
        CrawlJob cached = cache.get(jobId);
        if (cached != null) {
            return CompletableFuture.completedFuture(Optional.of(cached));
        }
        return redis.async().get(JobKeys.settings(jobId)).toCompletableFuture().thenApply(json -> {
            if (json == null) {
                return Optional.empty();
            }
            JobSettings settings = EventJson.read(json.getBytes(StandardCharsets.UTF_8), JobSettings.class);
            CrawlJob job = new CrawlJob(jobId, settings, CrawlScope.of(settings));
            cache.put(jobId, job);
            return Optional.of(job);
        });
    }
}
