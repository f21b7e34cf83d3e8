package io.simplecrawler.gateway.webhook;

import java.util.Optional;
import java.util.UUID;

/** Where a job's webhook subscription is kept: with the job's row, which the job feature owns. */
public interface SubscriptionStore {

    /** The subscription as {@link WebhookSubscriptions#toJson} wrote it; empty when the job has none or is gone. */
    Optional<String> storedSubscription(UUID jobId);
}
