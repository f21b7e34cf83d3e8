package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The result of one fetch task, successful or not.
 *
 * @param url         the task's URL, as admitted: the exporter deduplicates by it
 * @param finalUrl    the URL after redirects
 * @param status      the HTTP status, or 0 when no response arrived
 * @param fetchMs     milliseconds from request start to body parsed
 * @param bytes       body size in bytes
 * @param text        the visible text
 * @param markdown    the page converted to Markdown
 * @param error       why the fetch failed, or null
 * @param truncated   true when the body was longer than the job's maxBytes and was cut off
 *                    there (after decompression); null otherwise
 * @param redirects   the URLs the task was redirected to, in order (the last is finalUrl);
 *                    null when there was no redirect
 * @param canonicalUrl the page's {@code <link rel="canonical">}, absolute, when it names
 *                    another URL than finalUrl; null otherwise
 */
public record PageRecord(
        @JsonProperty(required = true) UUID jobId,
        @JsonProperty(required = true) String url,
        String finalUrl,
        int depth,
        @JsonProperty(required = true) FetchOutcome outcome,
        int status,
        String contentType,
        Instant fetchedAt,
        long fetchMs,
        long bytes,
        String title,
        String text,
        String markdown,
        List<String> links,
        String error,
        Boolean truncated,
        List<String> redirects,
        String canonicalUrl) {

    /** A page record without truncation, redirects or canonical URL. */
    public PageRecord(UUID jobId, String url, String finalUrl, int depth, FetchOutcome outcome, int status,
                      String contentType, Instant fetchedAt, long fetchMs, long bytes, String title, String text,
                      String markdown, List<String> links, String error) {
        this(jobId, url, finalUrl, depth, outcome, status, contentType, fetchedAt, fetchMs, bytes, title, text,
                markdown, links, error, null, null, null);
    }

    public boolean succeeded() {
        return outcome == FetchOutcome.FETCHED;
    }
}
