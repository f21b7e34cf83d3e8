package io.simplecrawler.fetcher.jobs;

import io.simplecrawler.crawlscope.CrawlScope;
import io.simplecrawler.schemas.JobSettings;
import java.util.UUID;

/** A job as the fetcher needs it: its settings and the scope derived from them. */
public record CrawlJob(UUID id, JobSettings settings, CrawlScope scope) {}
