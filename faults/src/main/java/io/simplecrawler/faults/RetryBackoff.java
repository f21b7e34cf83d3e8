package io.simplecrawler.faults;

import java.time.Duration;

/**
 * Delays between attempts at something an infrastructure fault holds up: doubling from
 * {@code first} up to {@code max}, so a store that is down is asked rarely and one that is
 * back is used again soon.
 */
public record RetryBackoff(Duration first, Duration max) {
    /** The delay after failed attempt number {@code attempt} (1, 2, ...). */
    public Duration delay(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
