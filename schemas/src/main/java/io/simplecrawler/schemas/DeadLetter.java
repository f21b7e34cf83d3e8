package io.simplecrawler.schemas;

import java.time.Instant;

/** A record that could not be processed, with where it came from and why. */
public record DeadLetter(String topic, int partition, long offset, String key, String value, String reason, Instant at) {}
