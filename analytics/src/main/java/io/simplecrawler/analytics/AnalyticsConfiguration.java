package io.simplecrawler.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * The analytics service's settings, validated at start-up.
 *
 * @param applicationId   the Streams application id: its consumer group, and the prefix of its
 *                        internal topics (changelogs, the by-host repartition); instances with the
 *                        same id share the work
 * @param streamThreads   Kafka Streams threads; tasks (one per crawl.pages partition, one per
 *                        partition of the by-host repartition topic) are spread over them
 * @param commitInterval  how often the Streams transaction commits (exactly once): its outputs
 *                        become visible to read_committed readers then, so short
 * @param dedupRetention  how long a page (jobId, url) is remembered to drop its duplicates; a
 *                        page record delivered again later than this is counted again
 * @param advertisedHost  the host name other instances reach this one at (Streams'
 *                        application.server, with the HTTP port); blank: this machine's address
 * @param stateDir        where the Streams state stores live; blank: a folder per HTTP port
 *                        under the temporary directory, so instances on one machine don't share one
 * @param peerTimeout     how long a query waits for another instance's answer
 */
@Context
@ConfigurationProperties("analytics")
public record AnalyticsConfiguration(
        @Bindable(defaultValue = "analytics") @NotBlank String applicationId,
        @Bindable(defaultValue = "1") @Positive int streamThreads,
        @Bindable(defaultValue = "100ms") @NotNull Duration commitInterval,
        @Bindable(defaultValue = "7d") @NotNull Duration dedupRetention,
        @Nullable String advertisedHost,
        @Nullable String stateDir,
        @Bindable(defaultValue = "2s") @NotNull Duration peerTimeout) {

    public AnalyticsConfiguration {
        requirePositive(commitInterval, "commitInterval");
        requirePositive(dedupRetention, "dedupRetention");
        requirePositive(peerTimeout, "peerTimeout");
    }

    private static void requirePositive(Duration value, String name) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("analytics [" + name + "] must be positive, is " + value);
        }
    }
}
