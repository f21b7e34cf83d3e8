package io.simplecrawler.frontier.crawl;

import io.simplecrawler.schemas.CrawlFact;
import io.simplecrawler.schemas.FetchTask;

/** Where the frontier's decisions go: fetch tasks, and facts for the exporter; the stream processor forwards them. */
public interface FrontierOutput {
    void fetch(String host, FetchTask task);

    void fact(CrawlFact fact);
}
