package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The body of Firecrawl's {@code POST /v1/map}: v1 names the sitemap choice {@code ignoreSitemap} and {@code sitemapOnly}. */
@Serdeable
public record MapBodyV1(
        @Nullable String url,
        @Nullable String search,
        @Nullable Boolean ignoreSitemap,
        @Nullable Boolean sitemapOnly,
        @Nullable Boolean includeSubdomains,
        @Nullable Integer limit,
        @Nullable Long timeout,
        @Nullable Boolean useIndex,
        @Nullable Object location,
        @Nullable Object auditMetadata,
        @Nullable String integration,
        @Nullable String origin) {

    MapAsked asked() {
        String sitemap =
                Boolean.TRUE.equals(sitemapOnly) ? "only" : Boolean.TRUE.equals(ignoreSitemap) ? "skip" : "include";
        return new MapAsked(
                url,
                search,
                sitemap,
                !Boolean.FALSE.equals(includeSubdomains),
                true,
                limit == null ? MapAsked.DEFAULT_LIMIT : limit,
                timeout == null ? MapAsked.DEFAULT_TIMEOUT_MS : timeout,
                new UnsupportedOptions()
                        .check("location", location)
                        .check("auditMetadata", auditMetadata)
                        .names());
    }
}
