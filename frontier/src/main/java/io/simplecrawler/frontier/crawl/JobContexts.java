package io.simplecrawler.frontier.crawl;

import io.simplecrawler.crawlstate.JobSettingsStore;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Job settings, stored where fetchers read them too ({@link JobSettingsStore}), with their scope
 * in a small in-process cache: a job's settings never change after submission.
 */
@Singleton
class JobContexts {
    private static final int CACHED_JOBS = 1_000;

    private final JobSettingsStore store;
    private final Map<UUID, JobContext> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, JobContext> eldest) {
            return size() > CACHED_JOBS;
        }
    });

    JobContexts(JobSettingsStore store) {
        this.store = store;
    }

    /** Stores the settings of a new job, where the fetchers read them. */
    void save(UUID jobId, JobContext context) {
        store.save(jobId, context.settings());
        cache.put(jobId, context);
    }

    Optional<JobContext> find(UUID jobId) {
        JobContext cached = cache.get(jobId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<JobContext> found = store.find(jobId).map(JobContext::of);
        found.ifPresent(context -> cache.put(jobId, context));
        return found;
    }
}
