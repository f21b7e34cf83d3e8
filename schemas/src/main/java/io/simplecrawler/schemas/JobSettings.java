package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
/**
 * What a job asked for, as submitted with defaults filled in. Travels inside
 * {@link JobSubmitted} and is cached by the frontier and fetchers.
 *
 * @param url         the seed URL (depth 0)
 * @param maxPages    the page budget, 1..1000
 * @param maxDepth    the deepest level fetched, 0..10
 * @param format      the primary result file's format
 * @param delayMs     the least time between the starts of two requests to one host
 * @param concurrency the most requests in flight to one host
 * @param timeoutMs   the limit for one whole request
 */
public record JobSettings(
        @JsonProperty(required = true) String url,
        int maxPages,
        int maxDepth,
        @JsonProperty(required = true) OutputFormat format,
        long delayMs,
        int concurrency,
        long timeoutMs) {}
