package io.simplecrawler.analytics.stats;

import io.simplecrawler.schemas.PageStats;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The running statistics of a host or a job, as the state store keeps them: the counts of
 * {@link PageStats} and the fetch times' sketch, serialised.
 */
public record PageTally(
        long pages,
        long bytes,
        Map<String, Long> outcomes,
        Map<String, Long> statusClasses,
        Map<String, Long> contentTypes,
        Map<String, Long> failures,
        long outlinks,
        byte[] fetchTimes,
        Instant lastFetchedAt) {
    /** The most distinct content types and failure reasons kept; the rest are counted under {@link #OTHER}. */
    static final int MAX_KINDS = 50;

    static final String OTHER = "other";

    public static PageTally empty() {
        return new PageTally(0, 0, Map.of(), Map.of(), Map.of(), Map.of(), 0, null, null);
    }

    public PageTally add(PageFact page) {
        byte[] times = fetchTimes;
        if (page.fetchMs() != null) {
            times = FetchTimes.of(fetchTimes).add(page.fetchMs()).bytes();
        }
        Instant last = lastFetchedAt;
        if (page.fetchedAt() != null && (last == null || page.fetchedAt().isAfter(last))) {
            last = page.fetchedAt();
        }
        return new PageTally(
                pages + 1,
                bytes + page.bytes(),
                plusOne(outcomes, page.outcome()),
                plusOne(statusClasses, page.statusClass()),
                page.contentType() == null ? contentTypes : plusOne(contentTypes, page.contentType()),
                page.failure() == null ? failures : plusOne(failures, page.failure()),
                outlinks + page.outlinks(),
                times,
                last);
    }

    /** The statistics of a host (jobId null) or a job (host null). */
    public PageStats stats(String host, UUID jobId) {
        FetchTimes times = FetchTimes.of(fetchTimes);
        return new PageStats(
                host,
                jobId,
                pages,
                bytes,
                outcomes,
                statusClasses,
                contentTypes,
                failures,
                outlinks,
                times.quantile(0.5),
                times.quantile(0.95),
                lastFetchedAt);
    }

    private static Map<String, Long> plusOne(Map<String, Long> counts, String kind) {
        Map<String, Long> next = new TreeMap<>(counts);
        String key = next.containsKey(kind) || next.size() < MAX_KINDS ? kind : OTHER;
        next.merge(key, 1L, Long::sum);
        return next;
    }
}
