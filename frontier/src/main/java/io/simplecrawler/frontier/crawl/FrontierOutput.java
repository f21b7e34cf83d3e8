package io.simplecrawler.frontier.crawl;

import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.JobEvent;

/** Where the frontier's decisions go: the stream processor forwards them to their topics. */
public interface FrontierOutput {
    void fetch(String host, FetchTask task);

    void event(JobEvent event);
}
