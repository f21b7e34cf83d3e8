package io.simplecrawler.gateway.job;

import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.gateway.ops.ConsumerLag;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobKeys;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.TasksHeld;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an open job's work sits: what each fetcher holds of it, as the fetchers report it in
 * {@link JobKeys#tasksHeld} (unknown when Redis does not answer within two seconds, so a job is
 * still shown while Redis is away), and, once it is stalled, the lag of every topic.
 */
@Singleton
class WorkInFlightLookup {
    private static final Logger LOG = LoggerFactory.getLogger(WorkInFlightLookup.class);
    private static final long TIMEOUT_MS = 2_000;

    private final StatefulRedisConnection<String, String> redis;
    private final ConsumerLag consumerLag;

    WorkInFlightLookup(StatefulRedisConnection<String, String> redis, ConsumerLag consumerLag) {
        this.redis = redis;
        this.consumerLag = consumerLag;
    }

    JobView.WorkInFlight of(Job job) {
        if (!JobView.isOpen(job)) {
            return JobView.WorkInFlight.NONE;
        }
        return new JobView.WorkInFlight(heldBy(job.id()).orElse(null),
                JobView.isStalled(job) ? consumerLag.perTopic() : null);
    }

    private Optional<List<TasksHeld>> heldBy(UUID jobId) {
        try {
            Map<String, String> reports = redis.async().hgetall(JobKeys.tasksHeld(jobId))
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return Optional.of(reports.values().stream()
                    .flatMap(WorkInFlightLookup::read)
                    .sorted(Comparator.comparing(TasksHeld::fetcher))
                    .toList());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Cannot read the tasks held of job {}: {}", jobId, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Stream<TasksHeld> read(String json) {
        try {
            return Stream.of(EventJson.read(json.getBytes(StandardCharsets.UTF_8), TasksHeld.class));
        } catch (MalformedEventException e) {
            return Stream.empty();
        }
    }
}
