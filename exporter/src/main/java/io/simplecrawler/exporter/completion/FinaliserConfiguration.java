package io.simplecrawler.exporter.completion;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The finaliser's settings, validated at start-up.
 *
 * @param threads       jobs finalised at once; two, so that a job of small files need not wait for
 *                      a job of 100,000 pages (each thread holds a database connection meanwhile)
 * @param sweepInterval how often open jobs that are ready but not finished are looked for (those an
 *                      exporter stopped while finalising, or whose finalisation failed for a
 *                      store fault)
 * @param firstSweepAfter how long after start-up the first look is: soon, for the jobs an exporter
 *                      stopped or died while finalising
 */
@Context
@ConfigurationProperties("exporter.finaliser")
public record FinaliserConfiguration(
        @Bindable(defaultValue = "2") int threads,
        @Bindable(defaultValue = "30s") @NotNull Duration sweepInterval,
        @Bindable(defaultValue = "5s") @NotNull Duration firstSweepAfter) {

    public FinaliserConfiguration {
        if (threads < 1
                || sweepInterval == null
                || firstSweepAfter == null
                || sweepInterval.compareTo(Duration.ZERO) <= 0
                || firstSweepAfter.isNegative()) {
            throw new IllegalArgumentException("exporter.finaliser: threads and sweep-interval must be positive and"
                    + " first-sweep-after not negative; are " + threads + ", " + sweepInterval + ", "
                    + firstSweepAfter);
        }
    }
}
