package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * Every URL the job admitted has settled: the crawl is over.
 *
 * @param total    the job's page records, one per admitted URL: the exporter completes the job once it wrote that many
 * @param filtered in-scope links the trap defences refused, each counted once
 */
public record CrawlFinished(
        @JsonProperty(required = true) UUID jobId,
        @JsonProperty(required = true) long total,
        @JsonProperty(required = true) long filtered,
        @JsonProperty(required = true) Instant at)
        implements CrawlFact {}
