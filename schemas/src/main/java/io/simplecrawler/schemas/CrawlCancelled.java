package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** The frontier took a {@link JobCancelled}: the job admits and fetches nothing more. */
public record CrawlCancelled(@JsonProperty(required = true) UUID jobId, @JsonProperty(required = true) Instant at)
        implements CrawlFact {}
