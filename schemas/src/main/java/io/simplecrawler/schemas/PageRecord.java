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
 *                    there (after decompression), or when the record's text, Markdown and links
 *                    were cut to fit in a Kafka record; null otherwise
 * @param redirects   the URLs the task was redirected to, in order (the last is finalUrl);
 *                    null when there was no redirect
 * @param canonicalUrl the page's {@code <link rel="canonical">}, absolute, when it names
 *                    another URL than finalUrl; null otherwise
 * @param description the page's meta description, or null
 * @param language    the page's declared language ({@code <html lang>}), or null
 * @param headings    the headings of the page's content, in document order; null when not parsed
 * @param wordCount   the number of words of the page's content (what the Markdown holds); null when not parsed
 * @param internalLinks the links of {@code links} to the page's own host; null when not parsed
 * @param externalLinks the links of {@code links} to other hosts; null when not parsed
 * @param readable    the main content as a reader view shows it; only when the job's format is readable
 * @param summary     an extractive summary and keywords; only when the job's format is summary
 * @param exchanges   the fetch's HTTP exchanges, redirects first; only when the job asked for a WARC
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
        String canonicalUrl,
        String description,
        String language,
        List<Heading> headings,
        Integer wordCount,
        List<String> internalLinks,
        List<String> externalLinks,
        ReadableArticle readable,
        PageSummary summary,
        List<CapturedExchange> exchanges) {

    /** A page record without truncation, redirects or canonical URL. */
    public PageRecord(UUID jobId, String url, String finalUrl, int depth, FetchOutcome outcome, int status,
                      String contentType, Instant fetchedAt, long fetchMs, long bytes, String title, String text,
                      String markdown, List<String> links, String error) {
        this(jobId, url, finalUrl, depth, outcome, status, contentType, fetchedAt, fetchMs, bytes, title, text,
                markdown, links, error, null, null, null);
    }

    /** A page record without the content details, format extras and HTTP exchanges. */
    public PageRecord(UUID jobId, String url, String finalUrl, int depth, FetchOutcome outcome, int status,
                      String contentType, Instant fetchedAt, long fetchMs, long bytes, String title, String text,
                      String markdown, List<String> links, String error, Boolean truncated, List<String> redirects,
                      String canonicalUrl) {
        this(jobId, url, finalUrl, depth, outcome, status, contentType, fetchedAt, fetchMs, bytes, title, text,
                markdown, links, error, truncated, redirects, canonicalUrl,
                null, null, null, null, null, null, null, null, null);
    }

    /** The same record without its HTTP exchanges, which only the WARC file needs. */
    public PageRecord withoutExchanges() {
        return exchanges == null ? this : new PageRecord(jobId, url, finalUrl, depth, outcome, status, contentType,
                fetchedAt, fetchMs, bytes, title, text, markdown, links, error, truncated, redirects, canonicalUrl,
                description, language, headings, wordCount, internalLinks, externalLinks, readable, summary, null);
    }

    public boolean succeeded() {
        return outcome == FetchOutcome.FETCHED;
    }
}
