package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A Firecrawl crawl request of either version, in one shape: what {@link NativeCrawlRequests}
 * maps to a native job.
 *
 * @param discoveryDepth link depth from the seed (v2 {@code maxDiscoveryDepth}, v1 {@code maxDiscoveryDepth})
 * @param pathDepth      v1 {@code maxDepth}: the most path segments a URL may have beyond the seed's
 * @param entireDomain   false: only URLs whose path starts with the seed's path (Firecrawl's default)
 * @param sitemap        v2's {@code include | skip | only}; v1's {@code ignoreSitemap} mapped to it
 * @param delaySeconds   seconds between two requests to the site
 * @param webhook        Firecrawl's {@code webhook} as sent (a URL or an object), checked by {@link FirecrawlWebhookRequests}
 * @param unsupported    the options set that this crawler cannot honour
 * @param optionsPrefix  how refused scrape options are named: {@code scrapeOptions.} in a crawl,
 *                       nothing in a scrape, whose body holds them
 */
record CrawlAsked(
        @Nullable String url,
        @Nullable Integer limit,
        @Nullable List<String> includePaths,
        @Nullable List<String> excludePaths,
        @Nullable Integer discoveryDepth,
        @Nullable Integer pathDepth,
        boolean entireDomain,
        @Nullable Boolean allowSubdomains,
        @Nullable Boolean allowExternalLinks,
        boolean ignoreRobots,
        @Nullable String sitemap,
        @Nullable Double delaySeconds,
        @Nullable Integer maxConcurrency,
        @Nullable ScrapeOptions scrapeOptions,
        @Nullable Object webhook,
        List<String> unsupported,
        String optionsPrefix) {}
