package io.simplecrawler.frontier.crawl;

import io.simplecrawler.crawlscope.CrawlScope;
import io.simplecrawler.schemas.JobSettings;

/** A job's settings with the scope derived from them. */
record JobContext(JobSettings settings, CrawlScope scope) {

    /** @throws IllegalArgumentException if the settings have no scope (see {@link CrawlScope#of}) */
    static JobContext of(JobSettings settings) {
        return new JobContext(settings, CrawlScope.of(settings));
    }
}
