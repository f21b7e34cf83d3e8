/**
 * The analytics' Kafka Streams topology ({@link io.simplecrawler.analytics.stream.AnalyticsTopology}:
 * read and dedup crawl.pages, tally per job and per host, publish to the compacted stats topics),
 * its lifecycle and health, and the stores it lets the queries read.
 */
package io.simplecrawler.analytics.stream;
