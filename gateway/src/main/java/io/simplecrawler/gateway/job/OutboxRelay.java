package io.simplecrawler.gateway.job;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/** Publishes jobs whose JobSubmitted was not acknowledged at submission (Kafka was away). */
@Singleton
class OutboxRelay {
    // Leaves the submitting request time to publish its own job first.
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final JobRepository jobs;
    private final JobSubmission submission;

    OutboxRelay(JobRepository jobs, JobSubmission submission) {
        this.jobs = jobs;
        this.submission = submission;
    }

    @Scheduled(fixedDelay = "${gateway.outbox-interval:2s}", initialDelay = "5s")
    void publishPending() {
        for (Job job : jobs.findUnpublished(Instant.now().minus(GRACE))) {
            if (!submission.publish(job)) {
                return;
            }
        }
    }
}
