package io.simplecrawler.schemas;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What the page records of one host ({@link Topics#STATS_HOSTS}, key: host) or of one job
 * ({@link Topics#STATS_JOBS}, key: jobId) add up to, each page counted once per job (by jobId and
 * url) however often its record was delivered. Written by the analytics service, a newer record of
 * the same key replacing the older (compacted topics).
 *
 * @param host          the host of the pages' URLs; only in {@link Topics#STATS_HOSTS}
 * @param jobId         the job; only in {@link Topics#STATS_JOBS}
 * @param pages         page records counted, whatever their outcome
 * @param bytes         body bytes of those pages
 * @param outcomes      pages by {@link FetchOutcome} name
 * @param statusClasses pages by HTTP status class: {@code 1xx} ... {@code 5xx}, {@code none} when no response arrived
 * @param contentTypes  pages by media type without parameters ({@code text/html}); at most 50 kinds, the rest under {@code other}
 * @param failures      failed pages by reason ({@code HTTP 404}, or the error up to its first colon); at most 50, the rest under {@code other}
 * @param outlinks      links found on the pages
 * @param fetchMsP50    median fetch time of the pages that were requested, in milliseconds; absent when none was
 * @param fetchMsP95    95th percentile of the same, from a t-digest sketch (an estimate, close to exact)
 * @param lastFetchedAt when the latest of the pages counted was requested; absent when none was
 */
public record PageStats(
        String host,
        UUID jobId,
        long pages,
        long bytes,
        Map<String, Long> outcomes,
        Map<String, Long> statusClasses,
        Map<String, Long> contentTypes,
        Map<String, Long> failures,
        long outlinks,
        Long fetchMsP50,
        Long fetchMsP95,
        Instant lastFetchedAt) {}
