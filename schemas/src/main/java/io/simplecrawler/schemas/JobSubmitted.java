package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** The gateway stored a new job; the frontier admits its seed. */
public record JobSubmitted(
        @JsonProperty(required = true) UUID jobId,
        @JsonProperty(required = true) JobSettings settings,
        @JsonProperty(required = true) Instant submittedAt)
        implements JobCommand {}
