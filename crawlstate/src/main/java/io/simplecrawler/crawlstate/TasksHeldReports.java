package io.simplecrawler.crawlstate;

import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.MalformedEventException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * What each fetcher holds of a job ({@link JobKeys#tasksHeld}): written by the fetchers every few
 * seconds with a short time to live, so a fetcher that dies or stops reporting drops out by itself,
 * and read by the gateway to show where a job's work sits.
 */
@Singleton
public class TasksHeldReports {
    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    private final StatefulRedisConnection<String, String> redis;

    public TasksHeldReports(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    public CompletableFuture<Void> report(UUID jobId, TasksHeld held) {
        var commands = redis.async();
        String key = JobKeys.tasksHeld(jobId);
        return commands.hset(key, held.fetcher(), new String(EventJson.write(held), StandardCharsets.UTF_8))
                .thenCompose(added -> commands.expire(key, TIME_TO_LIVE))
                .toCompletableFuture()
                .thenApply(expiring -> null);
    }

    /** The reports of the fetchers holding the job's tasks, by fetcher; unreadable reports are left out. */
    public CompletableFuture<List<TasksHeld>> of(UUID jobId) {
        return redis.async()
                .hgetall(JobKeys.tasksHeld(jobId))
                .toCompletableFuture()
                .thenApply(reports -> reports.values().stream()
                        .flatMap(TasksHeldReports::read)
                        .sorted(Comparator.comparing(TasksHeld::fetcher))
                        .toList());
    }

    private static Stream<TasksHeld> read(String json) {
        try {
            return Stream.of(EventJson.read(json.getBytes(StandardCharsets.UTF_8), TasksHeld.class));
        } catch (MalformedEventException e) {
            return Stream.empty();
        }
    }
}
