/** The Kafka Streams topology that feeds records to {@link io.simplecrawler.frontier.crawl.CrawlFrontier}, and its lifecycle. */
package io.simplecrawler.frontier.stream;
