package io.simplecrawler.frontier.crawl;

import io.simplecrawler.frontier.admission.LinkScope;
import io.simplecrawler.schemas.JobSettings;

/** A job's settings with the scope derived from its seed. */
record JobContext(JobSettings settings, LinkScope scope) {}
