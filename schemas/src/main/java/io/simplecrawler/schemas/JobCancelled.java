package io.simplecrawler.schemas;

import java.time.Instant;
import java.util.UUID;

/** A client cancelled the job: no new fetch of it may start. */
public record JobCancelled(UUID jobId, Instant cancelledAt) implements JobCommand {}
