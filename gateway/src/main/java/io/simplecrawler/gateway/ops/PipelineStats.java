package io.simplecrawler.gateway.ops;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /stats}.
 *
 * @param jobs                 job counts by status
 * @param stalledJobs          open jobs the exporter's watchdog sees stalled (no page written for a while)
 * @param stalled              the longest-stalled of them (at most 100), with when they last made progress;
 *                             {@code GET /jobs/{id}} shows where each one's work sits
 * @param pagesPerSecond       page records written per second over the last minute
 * @param consumerLag          records not yet consumed, per topic, over the pipeline's consumer groups
 */
@Serdeable
public record PipelineStats(
        Map<String, Long> jobs,
        long stalledJobs,
        List<StalledJob> stalled,
        long pagesCrawled,
        long pagesFailed,
        double pagesPerSecond,
        Map<String, Long> consumerLag) {

    /** A stalled job, and when it last wrote a page (or was published). */
    @Serdeable
    public record StalledJob(UUID id, Instant since) {}
}
