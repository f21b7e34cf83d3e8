package io.simplecrawler.schemas;

import java.time.Instant;
import java.util.UUID;

/** The gateway stored a new job; the frontier admits its seed. */
public record JobSubmitted(UUID jobId, JobSettings settings, Instant submittedAt) implements JobCommand {}
