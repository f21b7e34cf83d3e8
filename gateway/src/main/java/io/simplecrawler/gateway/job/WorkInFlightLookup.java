package io.simplecrawler.gateway.job;

import io.simplecrawler.crawlstate.TasksHeld;
import io.simplecrawler.crawlstate.TasksHeldReports;
import io.simplecrawler.gateway.ops.ConsumerLag;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an open job's work sits: what each fetcher holds of it ({@link TasksHeldReports}; unknown
 * when Redis does not answer within two seconds, so a job is still shown while Redis is away) and,
 * once it is stalled, the lag of every topic.
 */
@Singleton
class WorkInFlightLookup {
    private static final Logger LOG = LoggerFactory.getLogger(WorkInFlightLookup.class);
    private static final long TIMEOUT_MS = 2_000;

    private final TasksHeldReports reports;
    private final ConsumerLag consumerLag;

    WorkInFlightLookup(TasksHeldReports reports, ConsumerLag consumerLag) {
        this.reports = reports;
        this.consumerLag = consumerLag;
    }

    JobView.WorkInFlight of(Job job) {
        if (!JobView.isOpen(job)) {
            return JobView.WorkInFlight.NONE;
        }
        return new JobView.WorkInFlight(
                heldBy(job.id()).orElse(null), JobView.isStalled(job) ? consumerLag.perTopic() : null);
    }

    private Optional<List<TasksHeld>> heldBy(UUID jobId) {
        try {
            return Optional.of(reports.of(jobId).get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Cannot read the tasks held of job {}: {}", jobId, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
