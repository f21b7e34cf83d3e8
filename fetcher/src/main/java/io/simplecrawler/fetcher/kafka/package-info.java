/** Kafka: the crawl.fetch listener, the publisher of page/links records and dead letters, and topic creation. */
package io.simplecrawler.fetcher.kafka;
