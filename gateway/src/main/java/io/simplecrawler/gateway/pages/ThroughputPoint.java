package io.simplecrawler.gateway.pages;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** Page records of a job written in the second that starts at {@code second}. */
@Serdeable
public record ThroughputPoint(Instant second, long pages) {}
