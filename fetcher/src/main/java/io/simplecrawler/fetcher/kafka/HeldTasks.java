package io.simplecrawler.fetcher.kafka;

import io.simplecrawler.crawlstate.TasksHeld;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per job, the tasks this fetcher has taken and not settled, and when it last settled one: what
 * {@link HeldTasksReporter} tells the rest of the pipeline, so a stalled job shows where its work sits.
 */
@Singleton
class HeldTasks {
    /** A job with nothing held is still reported this long after its last settlement, then forgotten. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(1);

    private final String fetcher = ManagementFactory.getRuntimeMXBean().getName();
    private final Map<UUID, JobHold> jobs = new ConcurrentHashMap<>();

    void taken(UUID jobId) {
        jobs.compute(
                jobId,
                (id, hold) ->
                        hold == null ? new JobHold(1, null) : new JobHold(hold.tasks() + 1, hold.lastSettledAt()));
    }

    void settled(UUID jobId, Instant at) {
        jobs.computeIfPresent(jobId, (id, hold) -> new JobHold(Math.max(0, hold.tasks() - 1), at));
    }

    /** The jobs to report now; those with nothing held for {@link #FORGET_AFTER} are dropped. */
    Map<UUID, TasksHeld> report(Instant now) {
        jobs.entrySet()
                .removeIf(job -> job.getValue().tasks() == 0
                        && job.getValue().lastSettledAt().plus(FORGET_AFTER).isBefore(now));
        Map<UUID, TasksHeld> report = new HashMap<>();
        jobs.forEach((id, hold) -> report.put(id, new TasksHeld(fetcher, hold.tasks(), hold.lastSettledAt())));
        return report;
    }

    private record JobHold(int tasks, Instant lastSettledAt) {}
}
