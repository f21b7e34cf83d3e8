package io.simplecrawler.gateway.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * The webhook settings ({@code gateway.webhooks.*}), validated at start-up ({@code @Context}) so
 * that a bad value stops the gateway before it consumes anything.
 *
 * @param maxAttempts     POSTs per delivery, the first included, before it is given up
 * @param firstRetryDelay the wait before the first retry (of a POST, or of a Postgres step); it doubles for each further one
 * @param timeout         for one POST, connecting included
 * @param storeAttempts   tries of a Postgres step (subscription lookup, outcome write) before it is given up
 * @param maxBatchWait    how long the listener waits for a batch's deliveries before committing it and
 *                        polling on; at most a minute, far below the listener's max.poll.interval (5 min)
 */
@Context
@ConfigurationProperties("gateway.webhooks")
public record WebhookConfiguration(
        @Bindable(defaultValue = "5") @Positive int maxAttempts,
        @Bindable(defaultValue = "1s") @NotNull Duration firstRetryDelay,
        @Bindable(defaultValue = "10s") @NotNull Duration timeout,
        @Bindable(defaultValue = "6") @Positive int storeAttempts,
        @Bindable(defaultValue = "2s") @NotNull Duration maxBatchWait) {

    public WebhookConfiguration {
        positive(firstRetryDelay, "firstRetryDelay");
        positive(timeout, "timeout");
        positive(maxBatchWait, "maxBatchWait");
        if (maxBatchWait != null && maxBatchWait.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(
                    "gateway.webhooks [maxBatchWait] must be at most 1 minute, is " + maxBatchWait);
        }
    }

    private static void positive(Duration value, String name) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("gateway.webhooks [" + name + "] must be positive, is " + value);
        }
    }
}
