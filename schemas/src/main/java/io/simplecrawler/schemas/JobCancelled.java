package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A client cancelled the job: no new fetch of it may start. */
public record JobCancelled(
        @JsonProperty(required = true) UUID jobId, @JsonProperty(required = true) Instant cancelledAt)
        implements JobCommand {}
