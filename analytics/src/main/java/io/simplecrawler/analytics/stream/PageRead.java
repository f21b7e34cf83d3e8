package io.simplecrawler.analytics.stream;

import io.simplecrawler.analytics.stats.PageFact;

/** What reading one crawl.pages record gave: a page to count, or a dead letter. */
sealed interface PageRead {
    record Counted(PageFact page) implements PageRead {}

    record DeadLettered(String key, byte[] letter) implements PageRead {}
}
