package io.simplecrawler.gateway.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.gateway.guard.PermittedUrl;
import io.simplecrawler.gateway.webhook.WebhookRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /crawl}; absent settings take their defaults. */
@Serdeable
@Schema(
        example =
                """
        {"url": "https://docs.example.org/", "maxPages": 50, "maxDepth": 2, "format": "markdown",
         "delayMs": 200, "concurrency": 4, "timeoutMs": 30000}""")
public record CrawlRequest(
        @NotBlank
                @Size(max = 2048)
                @Pattern(regexp = "(?i)https?://[^\\s/?#]+[^\\s]*", message = "must be an absolute http(s) URL")
                @PermittedUrl
                String url,
        @Nullable
                @Min(1)
                @WithinPageLimit
                @Schema(description = "at most 1000, unless the operator sets SIMPLECRAWLER_MAX_PAGES_LIMIT")
                Integer maxPages,
        @Nullable @Min(0) @Max(10) Integer maxDepth,
        @Nullable
                @Pattern(
                        regexp = "markdown|json|readable|summary",
                        message = "must be one of markdown, json, readable, summary")
                String format,
        @Nullable @Min(0) @Max(60_000) Long delayMs,
        @Nullable @Min(1) @Max(32) Integer concurrency,
        @Nullable @Min(1_000) @Max(120_000) Long timeoutMs,
        @Nullable @Size(max = 50) List<@NotNull @RegularExpression String> includePaths,
        @Nullable @Size(max = 50) List<@NotNull @RegularExpression String> excludePaths,
        @Nullable Boolean allowSubdomains,
        @Nullable Boolean allowExternalLinks,
        @Nullable Boolean useSitemap,
        @Nullable Boolean respectRobots,
        @Nullable @Min(1_024) @Max(100L * 1024 * 1024) Long maxBytes,
        @Nullable Boolean warc,
        @Nullable @Valid WebhookRequest webhook,
        @Nullable
                @Pattern(regexp = "never|always|auto", message = "must be one of never, always, auto")
                @Schema(
                        description =
                                "render pages in headless Chromium: never (default), always, or auto (pages whose plain HTML looks like an application shell)")
                String render,
        @Nullable
                @Size(min = 1, max = 1000)
                @Pattern(
                        regexp = "30000|[12][0-9]{4}|[0-9]{1,4}|[^0-9].*",
                        message = "must be a CSS selector or a number of milliseconds from 0 to 30000")
                @Schema(
                        description =
                                "what a render waits for after the page loaded: a CSS selector, or milliseconds (at most 30000)")
                String waitFor,
        @Nullable @Schema(description = "save a full-page PNG of each rendered page in the job's folder")
                Boolean screenshot) {

    /** A request with the crawl-shape settings only. */
    public CrawlRequest(String url, Integer maxPages, Integer maxDepth, String format) {
        this(
                url, maxPages, maxDepth, format, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
