package io.simplecrawler.settlement;

import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.RenderTask;
import java.util.List;

/**
 * How one task settled: its page record, and for the seed of a job with useSitemap the URLs of
 * the site's sitemaps (null otherwise); or, for a page of a render "auto" job that was an
 * application shell, the render task that hands it to the renderers ({@code renderInstead}): then
 * the plain page record is only the fetcher's account of its request and is not published, and
 * the renderer settles the task, so the page is counted once.
 */
public record Settlement(PageRecord page, List<String> sitemapLinks, RenderTask renderInstead) {

    public Settlement(PageRecord page, List<String> sitemapLinks) {
        this(page, sitemapLinks, null);
    }

    /** A task handed to the renderers: {@code plain} is what the fetcher got, {@code task} goes to crawl.render. */
    public static Settlement handedToRenderer(PageRecord plain, RenderTask task) {
        return new Settlement(plain, null, task);
    }

    public boolean isHandedToRenderer() {
        return renderInstead != null;
    }

    /** The record the frontier settles the task with: the page's links only when it was fetched. */
    public LinksDiscovered links() {
        List<String> links = page.outcome() == FetchOutcome.FETCHED ? page.links() : List.of();
        return new LinksDiscovered(page.jobId(), page.url(), page.depth(), page.outcome(), links, sitemapLinks);
    }
}
