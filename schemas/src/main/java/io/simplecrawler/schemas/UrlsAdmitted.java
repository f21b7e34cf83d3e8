package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * The frontier admitted URLs of the job (or filtered links as traps).
 *
 * @param admitted the URLs the job has admitted so far, the seed included
 * @param filtered in-scope links its trap defences refused so far, each counted once
 */
public record UrlsAdmitted(
        @JsonProperty(required = true) UUID jobId,
        @JsonProperty(required = true) long admitted,
        @JsonProperty(required = true) long filtered,
        @JsonProperty(required = true) Instant at)
        implements CrawlFact {}
