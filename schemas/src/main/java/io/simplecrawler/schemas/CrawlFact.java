package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * A record of {@link Topics#FRONTIER}: what the frontier tells the exporter about a job's crawl.
 * Internal coordination, not part of the public lifecycle: the exporter turns these facts into
 * the job's row and, where a client should hear of them, into {@link JobEvent}s.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = UrlsAdmitted.class, name = "admitted"),
    @JsonSubTypes.Type(value = CrawlFinished.class, name = "finished"),
    @JsonSubTypes.Type(value = JobRejected.class, name = "rejected"),
    @JsonSubTypes.Type(value = CrawlCancelled.class, name = "cancelled")
})
public sealed interface CrawlFact permits UrlsAdmitted, CrawlFinished, JobRejected, CrawlCancelled {
    UUID jobId();

    Instant at();
}
