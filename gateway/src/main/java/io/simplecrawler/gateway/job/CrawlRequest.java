package io.simplecrawler.gateway.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /crawl}; absent settings take their defaults. */
@Serdeable
public record CrawlRequest(
        @NotBlank @Pattern(regexp = "(?i)https?://[^\\s/?#]+.*", message = "must be an absolute http(s) URL") String url,
        @Nullable @Min(1) @Max(1000) Integer maxPages,
        @Nullable @Min(0) @Max(10) Integer maxDepth,
        @Nullable @Pattern(regexp = "markdown|json|readable|summary",
                message = "must be one of markdown, json, readable, summary") String format,
        @Nullable @Min(0) @Max(60_000) Long delayMs,
        @Nullable @Min(1) @Max(32) Integer concurrency,
        @Nullable @Min(1_000) @Max(120_000) Long timeoutMs) {}
