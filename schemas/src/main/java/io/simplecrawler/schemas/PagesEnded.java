package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.UUID;

/**
 * The end-of-pages marker of {@link Topics#PAGES}: the job has ended and its page records are all
 * on the topic, before this one in the job's partition. Written once per job by the exporter,
 * so a consumer of {@code crawl.pages} alone knows when a job's pages are complete. Its header is
 * {@code simplecrawler-schema: pages-ended/1}; its JSON starts with {@code "type":"pages-ended"},
 * which page records never have.
 *
 * @param total  the job's distinct page records (by URL) before this marker
 * @param status how the job ended: completed, failed or cancelled
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonTypeName("pages-ended")
public record PagesEnded(
        @JsonProperty(required = true) UUID jobId,
        @JsonProperty(required = true) long total,
        @JsonProperty(required = true) JobStatus status,
        @JsonProperty(required = true) Instant at) {}
