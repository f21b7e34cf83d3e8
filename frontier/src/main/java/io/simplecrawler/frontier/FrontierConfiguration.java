package io.simplecrawler.frontier;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * The frontier's settings, validated at start-up ({@code @Context}) so that a bad value stops
 * the service before it consumes anything.
 *
 * @param streamThreads   Kafka Streams threads; tasks (one per crawl.jobs/crawl.links partition
 *                        pair) are spread over them
 * @param commitInterval  how often Streams commits offsets, always after the outputs are flushed;
 *                        short, so that few records are replayed after a crash
 * @param retryBackoff    the wait before a record's work is tried again after a Redis fault; it
 *                        doubles for each further attempt
 * @param maxRetryBackoff the longest wait between attempts, so that a store that is back is used
 *                        again soon
 */
@Context
@ConfigurationProperties("frontier")
public record FrontierConfiguration(
        @Bindable(defaultValue = "2") @Positive int streamThreads,
        @Bindable(defaultValue = "50ms") @NotNull Duration commitInterval,
        @Bindable(defaultValue = "100ms") @NotNull Duration retryBackoff,
        @Bindable(defaultValue = "10s") @NotNull Duration maxRetryBackoff) {

    public FrontierConfiguration {
        // Micronaut validates the components' annotations only; these checks are made here
        requirePositive(commitInterval, "commitInterval");
        requirePositive(retryBackoff, "retryBackoff");
        if (retryBackoff != null && maxRetryBackoff != null && maxRetryBackoff.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException(
                    "frontier [maxRetryBackoff] must be at least retryBackoff, is " + maxRetryBackoff);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("frontier [" + name + "] must be positive, is " + value);
        }
    }
}
