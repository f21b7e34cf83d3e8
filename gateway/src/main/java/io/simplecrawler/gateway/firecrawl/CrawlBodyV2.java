package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of Firecrawl's {@code POST /v2/crawl}: every field Firecrawl's v2 API declares (any
 * other is refused as unknown). {@code webhook} is Firecrawl's ({@link FirecrawlWebhookRequests});
 * {@code prompt} and the URL-rewriting options are refused when set; {@code origin} and {@code integration} are accepted and have no effect.
 */
@Serdeable
public record CrawlBodyV2(
        @Nullable String url,
        @Nullable Integer limit,
        @Nullable List<String> includePaths,
        @Nullable List<String> excludePaths,
        @Nullable Integer maxDiscoveryDepth,
        @Nullable Boolean crawlEntireDomain,
        @Nullable Boolean allowSubdomains,
        @Nullable Boolean allowExternalLinks,
        @Nullable Boolean ignoreRobotsTxt,
        @Nullable String sitemap,
        @Nullable Double delay,
        @Nullable Integer maxConcurrency,
        @Nullable ScrapeOptions scrapeOptions,
        @Nullable Object webhook,
        @Nullable Object prompt,
        @Nullable Object ignoreQueryParameters,
        @Nullable Object deduplicateSimilarURLs,
        @Nullable Object robotsUserAgent,
        @Nullable Object regexOnFullURL,
        @Nullable Object zeroDataRetention,
        @Nullable String integration,
        @Nullable String origin) {

    private static final String SCRAPE_OPTIONS = "scrapeOptions.";

    CrawlAsked asked() {
        UnsupportedOptions unsupported = new UnsupportedOptions()
                .check("prompt", prompt)
                .check("ignoreQueryParameters", ignoreQueryParameters)
                .check("deduplicateSimilarURLs", deduplicateSimilarURLs)
                .check("robotsUserAgent", robotsUserAgent)
                .check("regexOnFullURL", regexOnFullURL)
                .check("zeroDataRetention", zeroDataRetention);
        if (scrapeOptions != null) {
            scrapeOptions.addUnsupported(unsupported, SCRAPE_OPTIONS);
        }
        return new CrawlAsked(
                url,
                limit,
                includePaths,
                excludePaths,
                maxDiscoveryDepth,
                null,
                Boolean.TRUE.equals(crawlEntireDomain),
                allowSubdomains,
                allowExternalLinks,
                Boolean.TRUE.equals(ignoreRobotsTxt),
                sitemap,
                delay,
                maxConcurrency,
                scrapeOptions,
                webhook,
                unsupported.names(),
                SCRAPE_OPTIONS);
    }
}
