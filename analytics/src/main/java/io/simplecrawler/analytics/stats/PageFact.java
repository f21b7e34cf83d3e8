package io.simplecrawler.analytics.stats;

import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * What one page record adds to the statistics: the few fields they count, without the page's
 * text, so that re-keying by host moves little data.
 *
 * @param fetchMs the fetch time when the page was requested, null otherwise
 * @param failure the failure reason ({@link #failureReason}) of a failed page, null otherwise
 */
public record PageFact(
        String host,
        String outcome,
        int status,
        String contentType,
        long bytes,
        long outlinks,
        Long fetchMs,
        String failure,
        Instant fetchedAt) {
    /** The host of a URL that has none (not a valid URL). */
    public static final String NO_HOST = "(none)";

    public static PageFact of(PageRecord page) {
        boolean requested = page.outcome() == FetchOutcome.FETCHED
                || page.outcome() == FetchOutcome.FAILED
                || page.outcome() == FetchOutcome.SKIPPED;
        return new PageFact(
                host(page.url()),
                page.outcome().name(),
                page.status(),
                mediaType(page.contentType()),
                page.bytes(),
                page.links() == null ? 0 : page.links().size(),
                requested ? Math.max(0, page.fetchMs()) : null,
                page.outcome() == FetchOutcome.FAILED ? failureReason(page.status(), page.error()) : null,
                page.fetchedAt());
    }

    /** {@code 2xx} ..., or {@code none} when no response arrived. */
    public String statusClass() {
        return status >= 100 && status <= 999 ? status / 100 + "xx" : "none";
    }

    static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? NO_HOST : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return NO_HOST;
        }
    }

    /** {@code text/html} for {@code Text/HTML; charset=UTF-8}; null without a type. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    /**
     * {@code HTTP 404} when a response arrived; otherwise the error up to its first colon
     * ({@code connect timed out}), which leaves out the URL or address the rest often names, so
     * that reasons repeat across pages.
     */
    static String failureReason(int status, String error) {
        if (status > 0) {
            return "HTTP " + status;
        }
        if (error == null || error.isBlank()) {
            return "unknown";
        }
        int colon = error.indexOf(':');
        String reason = (colon < 0 ? error : error.substring(0, colon)).trim();
        return reason.length() > 80 ? reason.substring(0, 80) : reason;
    }
}
