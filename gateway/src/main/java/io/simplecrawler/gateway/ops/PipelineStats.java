package io.simplecrawler.gateway.ops;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * {@code GET /stats}.
 *
 * @param jobs                 job counts by status
 * @param stalledJobs          open jobs the exporter's watchdog sees stalled (no page written for a while)
 * @param pagesPerSecond       page records written per second over the last minute
 * @param consumerLag          records not yet consumed, per topic, over the pipeline's consumer groups
 */
@Serdeable
public record PipelineStats(Map<String, Long> jobs, long stalledJobs, long pagesCrawled, long pagesFailed, double pagesPerSecond,
                            Map<String, Long> consumerLag) {}
