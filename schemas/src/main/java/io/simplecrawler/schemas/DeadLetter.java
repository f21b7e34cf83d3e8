package io.simplecrawler.schemas;

import java.time.Instant;

/**
 * A record that could not be processed, with where it came from and why. {@code value} is at
 * most 64 KiB of the original value (as {@code faults.DeadLetters} cuts it); {@code valueBytes} and
 * {@code valueSha256} describe the whole original, {@code valueTruncated} is true when it was cut.
 */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        String key,
        String value,
        String reason,
        Instant at,
        Integer valueBytes,
        String valueSha256,
        Boolean valueTruncated) {}
