/**
 * What the statistics count and how: a page record reduced to what it adds ({@link
 * io.simplecrawler.analytics.stats.PageFact}), the running tally of a host or a job with its
 * fetch-time sketch ({@link io.simplecrawler.analytics.stats.PageTally}, t-digest), and the
 * {@code PageStats} it is published as. Plain values, no Kafka.
 */
package io.simplecrawler.analytics.stats;
