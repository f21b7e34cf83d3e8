package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.OutputFormat;
import java.time.Instant;
import java.util.UUID;

/** The job as its result files describe it; {@code startedAt} is null when no page ever arrived. */
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
        Instant finishedAt) {}
