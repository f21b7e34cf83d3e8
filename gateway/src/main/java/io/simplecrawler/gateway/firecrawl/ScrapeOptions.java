package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * Firecrawl's {@code scrapeOptions} (of a crawl) and the options of a scrape, v2's and v1's fields
 * in one record (the two versions share most of them). What this crawler does with each:
 *
 * @param formats         what each document carries, and only that: {@code markdown} (the default),
 *                        {@code links}, {@code summary}, {@code html} (the cleaned content),
 *                        {@code rawHtml} (the page as fetched), {@code screenshot} (each page rendered
 *                        in Chromium, a full-page PNG of it); strings or {@code {"type": ...}}
 *                        objects. Others are refused
 * @param waitFor         milliseconds (at most 30000): each page is rendered in Chromium, which waits that long
 * @param includeTags     CSS selectors: only the elements they match are converted
 * @param excludeTags     CSS selectors: the elements they match are left out of the conversion
 * @param onlyMainContent the markdown of the main content only (our readable extraction); true by default,
 *                        as at Firecrawl
 * @param timeout         milliseconds for one page (the job's timeoutMs)
 * @param removeBase64Images accepted, no effect; as {@code blockAds}, {@code maxAge} (pages are always
 *                        fetched fresh), {@code storeInCache}, {@code integration}, {@code origin}
 */
@Serdeable
public record ScrapeOptions(
        @Nullable List<Object> formats,
        @Nullable Boolean onlyMainContent,
        @Nullable Long timeout,
        @Nullable Object waitFor,
        @Nullable Object headers,
        @Nullable List<String> includeTags,
        @Nullable List<String> excludeTags,
        @Nullable Object mobile,
        @Nullable Object parsers,
        @Nullable Object parsePDF,
        @Nullable Object actions,
        @Nullable Object location,
        @Nullable Object skipTlsVerification,
        @Nullable Object proxy,
        @Nullable Object minAge,
        @Nullable Object lockdown,
        @Nullable Object redactPII,
        @Nullable Object threatProtection,
        @Nullable Object auditMetadata,
        @Nullable Object profile,
        @Nullable Object fastMode,
        @Nullable Object useMock,
        @Nullable Object jsonOptions,
        @Nullable Object extract,
        @Nullable Object changeTrackingOptions,
        @Nullable Object domainTools,
        @Nullable Object toolDetail,
        @Nullable Object zeroDataRetention,
        @Nullable Object removeBase64Images,
        @Nullable Object blockAds,
        @Nullable Object maxAge,
        @Nullable Object storeInCache,
        @Nullable String integration,
        @Nullable String origin) {

    /** The names of the formats asked for, in order: a string, or an object's {@code type}. */
    List<String> formatNames() {
        if (formats == null) {
            return List.of();
        }
        return formats.stream()
                .map(format -> format instanceof Map<?, ?> object
                        ? String.valueOf(object.get("type"))
                        : String.valueOf(format))
                // v1's full-page screenshot: every screenshot here is of the full page
                .map(name -> name.equals("screenshot@fullPage") ? "screenshot" : name)
                .toList();
    }

    /** Adds the options set here that this crawler cannot honour, named under {@code prefix}. */
    void addUnsupported(UnsupportedOptions unsupported, String prefix) {
        unsupported
                .check(prefix + "headers", headers)
                .check(prefix + "mobile", mobile)
                .check(prefix + "parsers", parsers)
                .check(prefix + "parsePDF", parsePDF)
                .check(prefix + "actions", actions)
                .check(prefix + "location", location)
                .check(prefix + "skipTlsVerification", skipTlsVerification)
                .check(prefix + "proxy", proxy)
                .check(prefix + "minAge", minAge)
                .check(prefix + "lockdown", lockdown)
                .check(prefix + "redactPII", redactPII)
                .check(prefix + "threatProtection", threatProtection)
                .check(prefix + "auditMetadata", auditMetadata)
                .check(prefix + "profile", profile)
                .check(prefix + "fastMode", fastMode)
                .check(prefix + "useMock", useMock)
                .check(prefix + "jsonOptions", jsonOptions)
                .check(prefix + "extract", extract)
                .check(prefix + "changeTrackingOptions", changeTrackingOptions)
                .check(prefix + "domainTools", domainTools)
                .check(prefix + "toolDetail", toolDetail)
                .check(prefix + "zeroDataRetention", zeroDataRetention);
    }
}
