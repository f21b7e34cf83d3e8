package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * The frontier cannot crawl the job (an invalid seed, no page budget, a submission it could not process).
 *
 * @param reason why, in words for people
 */
public record JobRejected(
        @JsonProperty(required = true) UUID jobId,
        @JsonProperty(required = true) String reason,
        @JsonProperty(required = true) Instant at)
        implements CrawlFact {}
