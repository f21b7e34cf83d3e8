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
        String error) {

    public boolean succeeded() {
        return outcome == FetchOutcome.FETCHED;
    }
}
