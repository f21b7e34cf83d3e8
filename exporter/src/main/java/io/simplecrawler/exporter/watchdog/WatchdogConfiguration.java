package io.simplecrawler.exporter.watchdog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The job watchdog's settings, validated at start-up.
 *
 * @param interval   how often open jobs are checked
 * @param stallAfter a job that has written no page for this long is marked stalled; longer than
 *                   one page can take on a slow site (a request's timeout and its retries)
 * @param failAfter  a job that has written no page for this long ends failed; longer than the
 *                   worst single page (timeoutMs up to 2 min, three attempts, a Retry-After of up
 *                   to a minute) and than a short outage of Redis, Kafka or Postgres
 */
@Context
@ConfigurationProperties("exporter.watchdog")
public record WatchdogConfiguration(
        @Bindable(defaultValue = "30s") @NotNull Duration interval,
        @Bindable(defaultValue = "2m") @NotNull Duration stallAfter,
        @Bindable(defaultValue = "15m") @NotNull Duration failAfter) {

    /** Refuses a start with settings that would fail jobs before marking them stalled (an @AssertTrue was not enforced). */
    public WatchdogConfiguration {
        if (interval == null
                || stallAfter == null
                || failAfter == null
                || interval.compareTo(Duration.ZERO) <= 0
                || stallAfter.compareTo(Duration.ZERO) <= 0
                || failAfter.compareTo(stallAfter) <= 0) {
            throw new IllegalArgumentException("exporter.watchdog: interval and stall-after must be positive and"
                    + " fail-after longer than stall-after; are " + interval + ", " + stallAfter + ", " + failAfter);
        }
    }
}
