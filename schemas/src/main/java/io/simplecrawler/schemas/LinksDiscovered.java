package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * Exactly one per settled fetch task, also for failures and pages without links: the
 * frontier counts these to know when a job's crawl is finished.
 *
 * @param sourceUrl the task's URL, as admitted
 * @param depth     the task's depth; the links are candidates for depth + 1
 * @param links     absolute URLs found on the page, in document order
 * @param sitemapLinks URLs listed in the site's sitemaps; only on the seed's record of a job
 *                  with {@code useSitemap}, candidates for depth 1 like the seed's links
 */
public record LinksDiscovered(
        @JsonProperty(required = true) UUID jobId,
        @JsonProperty(required = true) String sourceUrl,
        @JsonProperty(required = true) int depth,
        @JsonProperty(required = true) FetchOutcome outcome,
        List<String> links,
        List<String> sitemapLinks) {

    /** A record without sitemap links. */
    public LinksDiscovered(UUID jobId, String sourceUrl, int depth, FetchOutcome outcome, List<String> links) {
        this(jobId, sourceUrl, depth, outcome, links, null);
    }
}
