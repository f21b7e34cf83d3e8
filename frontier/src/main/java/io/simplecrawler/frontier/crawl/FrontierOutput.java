package io.simplecrawler.frontier.crawl;

import io.simplecrawler.schemas.CrawlFact;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.RenderTask;

/** Where the frontier's decisions go: fetch and render tasks, and facts for the exporter; the stream processor forwards them. */
public interface FrontierOutput {
    void fetch(String host, FetchTask task);

    void render(String host, RenderTask task);

    void fact(CrawlFact fact);
}
