package io.simplecrawler.gateway.job;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Publishes the commands Kafka did not acknowledge when they were made (it was away): the
 * JobSubmitted of pending jobs, then the JobCancelled of cancelled ones.
 */
@Singleton
class OutboxRelay {
    // Leaves the submitting request time to publish its own job first.
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final JobRepository jobs;
    private final JobSubmission submission;
    private final JobCancellation cancellation;

    OutboxRelay(JobRepository jobs, JobSubmission submission, JobCancellation cancellation) {
        this.jobs = jobs;
        this.submission = submission;
        this.cancellation = cancellation;
    }

    @Scheduled(fixedDelay = "${gateway.outbox-interval:2s}", initialDelay = "5s")
    void publishPending() {
        Instant before = Instant.now().minus(GRACE);
        for (Job job : jobs.findUnpublished(before)) {
            if (!submission.publish(job)) {
                return;
            }
        }
        for (Job job : jobs.findUnpublishedCancels(before)) {
            if (!cancellation.publish(job.id(), job.finishedAt())) {
                return;
            }
        }
    }
}
