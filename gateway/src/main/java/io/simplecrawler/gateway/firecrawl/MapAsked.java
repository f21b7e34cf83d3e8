package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A Firecrawl map request of either version, in one shape.
 *
 * @param search            only links whose URL or title contains it (case-insensitive)
 * @param sitemap           {@code include} (sitemaps and the seed page's links), {@code skip} (the
 *                          page's links only) or {@code only} (the sitemaps only)
 * @param includeSubdomains also hosts below the seed's host
 * @param ignoreQuery       links without their query, so a page is listed once
 * @param unsupported       the options set that this crawler cannot honour
 */
record MapAsked(
        @Nullable String url,
        @Nullable String search,
        String sitemap,
        boolean includeSubdomains,
        boolean ignoreQuery,
        int limit,
        long timeoutMs,
        List<String> unsupported) {

    static final int DEFAULT_LIMIT = 5000;
    static final int MOST = 30_000;
    static final long DEFAULT_TIMEOUT_MS = 10_000;
}
