/**
 * Kafka: the crawl.fetch consumer (its own poll loop, offsets committed behind settled tasks,
 * back-pressure by pausing partitions), the publisher of page/links records and dead letters,
 * and topic creation.
 */
package io.simplecrawler.fetcher.kafka;
