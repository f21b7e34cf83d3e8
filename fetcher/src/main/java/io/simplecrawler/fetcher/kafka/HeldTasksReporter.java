package io.simplecrawler.fetcher.kafka;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.scheduling.annotation.Scheduled;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobKeys;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what this fetcher holds of each job to {@link JobKeys#tasksHeld} every few seconds, with
 * a time to live of a few reports, so a fetcher that dies or stops reporting drops out by itself.
 * The gateway shows it on the job. A report that Redis refuses is skipped: the next one replaces it.
 */
@Singleton
class HeldTasksReporter {
    private static final Logger LOG = LoggerFactory.getLogger(HeldTasksReporter.class);
    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    private final HeldTasks held;
    private final StatefulRedisConnection<String, String> redis;

    HeldTasksReporter(HeldTasks held, StatefulRedisConnection<String, String> redis) {
        this.held = held;
        this.redis = redis;
    }

    @Scheduled(fixedDelay = "${fetcher.held-tasks-report-interval:5s}")
    void report() {
        var commands = redis.async();
        held.report(Instant.now()).forEach((jobId, tasks) -> {
            String key = JobKeys.tasksHeld(jobId);
            String value = new String(EventJson.write(tasks), StandardCharsets.UTF_8);
            commands.hset(key, tasks.fetcher(), value)
                    .thenCompose(added -> commands.expire(key, TIME_TO_LIVE))
                    .exceptionally(error -> {
                        LOG.debug("Could not report the tasks held of job {}: {}", jobId, error.toString());
                        return false;
                    });
        });
    }
}
