package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of Firecrawl's {@code POST /v1/crawl}, with v1's names: {@code maxDepth} (path depth
 * below the seed), {@code allowBackwardLinks} (v1's {@code crawlEntireDomain}), {@code ignoreSitemap}.
 */
@Serdeable
public record CrawlBodyV1(
        @Nullable String url,
        @Nullable Integer limit,
        @Nullable List<String> includePaths,
        @Nullable List<String> excludePaths,
        @Nullable Integer maxDepth,
        @Nullable Integer maxDiscoveryDepth,
        @Nullable Boolean allowBackwardLinks,
        @Nullable Boolean crawlEntireDomain,
        @Nullable Boolean allowSubdomains,
        @Nullable Boolean allowExternalLinks,
        @Nullable Boolean ignoreRobotsTxt,
        @Nullable Boolean ignoreSitemap,
        @Nullable Double delay,
        @Nullable Integer maxConcurrency,
        @Nullable ScrapeOptions scrapeOptions,
        @Nullable Object webhook,
        @Nullable Object ignoreQueryParameters,
        @Nullable Object deduplicateSimilarURLs,
        @Nullable Object regexOnFullURL,
        @Nullable Object zeroDataRetention,
        @Nullable String integration,
        @Nullable String origin) {

    private static final String SCRAPE_OPTIONS = "scrapeOptions.";

    CrawlAsked asked() {
        UnsupportedOptions unsupported = new UnsupportedOptions()
                .check("ignoreQueryParameters", ignoreQueryParameters)
                .check("deduplicateSimilarURLs", deduplicateSimilarURLs)
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
                maxDepth,
                Boolean.TRUE.equals(crawlEntireDomain) || Boolean.TRUE.equals(allowBackwardLinks),
                allowSubdomains,
                allowExternalLinks,
                Boolean.TRUE.equals(ignoreRobotsTxt),
                Boolean.TRUE.equals(ignoreSitemap) ? "skip" : "include",
                delay,
                maxConcurrency,
                scrapeOptions,
                webhook,
                unsupported.names(),
                SCRAPE_OPTIONS);
    }
}
