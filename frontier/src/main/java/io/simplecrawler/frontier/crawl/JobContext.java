package io.simplecrawler.frontier.crawl;

import io.simplecrawler.schemas.CrawlScope;
import io.simplecrawler.schemas.JobSettings;

/** A job's settings with the scope derived from them. */
record JobContext(JobSettings settings, CrawlScope scope) {}
