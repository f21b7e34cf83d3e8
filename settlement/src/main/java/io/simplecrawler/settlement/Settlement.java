package io.simplecrawler.settlement;

import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.PageRecord;
import java.util.List;

/**
 * How one task settled: its page record, and for the seed of a job with useSitemap the URLs of
 * the site's sitemaps (null otherwise).
 */
public record Settlement(PageRecord page, List<String> sitemapLinks) {

    /** The record the frontier settles the task with: the page's links only when it was fetched. */
    public LinksDiscovered links() {
        List<String> links = page.outcome() == FetchOutcome.FETCHED ? page.links() : List.of();
        return new LinksDiscovered(page.jobId(), page.url(), page.depth(), page.outcome(), links, sitemapLinks);
    }
}
