package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The body of Firecrawl's {@code POST /v2/map}. */
@Serdeable
public record MapBodyV2(
        @Nullable String url,
        @Nullable String search,
        @Nullable String sitemap,
        @Nullable Boolean includeSubdomains,
        @Nullable Boolean ignoreQueryParameters,
        @Nullable Integer limit,
        @Nullable Long timeout,
        @Nullable Object location,
        @Nullable Object threatProtection,
        @Nullable Object auditMetadata,
        @Nullable String integration,
        @Nullable String origin) {

    MapAsked asked() {
        return new MapAsked(
                url,
                search,
                sitemap == null ? "include" : sitemap,
                !Boolean.FALSE.equals(includeSubdomains),
                !Boolean.FALSE.equals(ignoreQueryParameters),
                limit == null ? MapAsked.DEFAULT_LIMIT : limit,
                timeout == null ? MapAsked.DEFAULT_TIMEOUT_MS : timeout,
                new UnsupportedOptions()
                        .check("location", location)
                        .check("threatProtection", threatProtection)
                        .check("auditMetadata", auditMetadata)
                        .names());
    }
}
