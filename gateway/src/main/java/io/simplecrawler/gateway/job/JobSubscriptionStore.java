package io.simplecrawler.gateway.job;

import io.simplecrawler.gateway.webhook.SubscriptionStore;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions are stored in the {@code jobs.webhook} column. */
@Singleton
class JobSubscriptionStore implements SubscriptionStore {
    private final JobRepository jobs;

    JobSubscriptionStore(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public Optional<String> storedSubscription(UUID jobId) {
        return jobs.findById(jobId).map(Job::webhook);
    }
}
