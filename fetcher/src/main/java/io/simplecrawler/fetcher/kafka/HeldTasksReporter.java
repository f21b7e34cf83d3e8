package io.simplecrawler.fetcher.kafka;

import io.micronaut.scheduling.annotation.Scheduled;
import io.simplecrawler.crawlstate.TasksHeldReports;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports what this fetcher holds of each job ({@link TasksHeldReports}) every few seconds; the
 * gateway shows it on the job. A report that Redis refuses is skipped: the next one replaces it.
 */
@Singleton
class HeldTasksReporter {
    private static final Logger LOG = LoggerFactory.getLogger(HeldTasksReporter.class);

    private final HeldTasks held;
    private final TasksHeldReports reports;

    HeldTasksReporter(HeldTasks held, TasksHeldReports reports) {
        this.held = held;
        this.reports = reports;
    }

    @Scheduled(fixedDelay = "${fetcher.held-tasks-report-interval:5s}")
    void report() {
        held.report(Instant.now())
                .forEach((jobId, tasks) -> reports.report(jobId, tasks).exceptionally(error -> {
                    LOG.debug("Could not report the tasks held of job {}: {}", jobId, error.toString());
                    return null;
                }));
    }
}
