package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * The exporter's watchdog saw the job write no page since {@code since}: the frontier re-emits
 * the fetch task of every URL the job admitted and has not settled, in case a task was lost.
 * Re-emitting is safe: a task whose records are already published is dropped by the fetcher,
 * and a page fetched twice is written once.
 */
public record JobStalled(@JsonProperty(required = true) UUID jobId, @JsonProperty(required = true) Instant since)
        implements JobCommand {}
