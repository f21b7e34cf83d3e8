package io.simplecrawler.fetcher.jobs;

import io.simplecrawler.crawlscope.CrawlScope;
import io.simplecrawler.crawlstate.JobSettingsStore;
import io.simplecrawler.fetcher.FetcherConfiguration;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A job's settings, read from the {@link JobSettingsStore}, with its scope, kept in
 * a bounded least-recently-used map. Settings never change once the frontier wrote them, so a
 * cached entry is never stale; a missing key is not cached, since it means the job is unknown or gone.
 */
@Singleton
public class JobSettingsCache {
    private final JobSettingsStore store;
    private final Map<UUID, CrawlJob> cache;

    public JobSettingsCache(JobSettingsStore store, FetcherConfiguration configuration) {
        this.store = store;
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
        return store.findAsync(jobId)
                .thenApply(settings -> settings.map(s -> {
                    CrawlJob job = new CrawlJob(jobId, s, CrawlScope.of(s));
                    cache.put(jobId, job);
                    return job;
                }));
    }
}
