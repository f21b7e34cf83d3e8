package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.OutputFormat;
import java.time.Instant;
import java.util.UUID;

/**
 * The job as its result files describe it; {@code startedAt} is null when no page ever arrived.
 *
 * @param error why the job failed, or null
 * @param warc  whether the job asked for a WARC file
 */
public record JobSummary(
        UUID id,
        String url,
        String status,
        OutputFormat format,
        long pagesTotal,
        long pagesCrawled,
        long pagesFailed,
        long bytesDownloaded,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error,
        boolean warc) {

    /** The same job, failed for this reason. */
    public JobSummary failed(String why) {
        return new JobSummary(
                id,
                url,
                JobStatus.FAILED.wireName(),
                format,
                pagesTotal,
                pagesCrawled,
                pagesFailed,
                bytesDownloaded,
                createdAt,
                startedAt,
                finishedAt,
                why,
                warc);
    }
}
