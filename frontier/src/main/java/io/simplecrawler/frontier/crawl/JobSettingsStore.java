package io.simplecrawler.frontier.crawl;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
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

/**
 * Job settings in Redis, where fetchers read them too, with a small in-process cache: a
 * job's settings never change after submission.
 */
@Singleton
class JobSettingsStore {
    private static final int CACHED_JOBS = 1_000;

    private final RedisCommands<String, String> redis;
    private final Map<UUID, JobContext> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, JobContext> eldest) {
            return size() > CACHED_JOBS;
        }
    });

    JobSettingsStore(StatefulRedisConnection<String, String> connection) {
        this.redis = connection.sync();
    }

    /**
     * Stores the settings of a new job, where the fetchers read them.
     *
     * @throws IllegalArgumentException if they have no scope (see {@link CrawlScope#of}); then
     *                                  nothing is stored
     */
    JobContext save(UUID jobId, JobSettings settings) {
        JobContext context = context(jobId, settings);
        redis.set(JobKeys.settings(jobId), EventJson.writeString(settings));
        return context;
    }

    Optional<JobContext> find(UUID jobId) {
        JobContext cached = cache.get(jobId);
        if (cached != null) {
            return Optional.of(cached);
        }
        String json = redis.get(JobKeys.settings(jobId));
        if (json == null) {
            return Optional.empty();
        }
        return Optional.of(context(jobId, EventJson.read(json.getBytes(StandardCharsets.UTF_8), JobSettings.class)));
    }

    private JobContext context(UUID jobId, JobSettings settings) {
        JobContext context = new JobContext(settings, CrawlScope.of(settings));
        cache.put(jobId, context);
        return context;
    }
}
