/**
 * Kafka plumbing shared by the listeners: creating the topics at start-up, reading consumed
 * values into events (bad ones become dead letters for {@code crawl.fetch.dlq}, as do records
 * whose data Postgres refuses: {@link io.simplecrawler.exporter.kafka.PoisonRecords}), spacing
 * out retries while Postgres or the broker is away and reporting it on {@code /health}
 * ({@link io.simplecrawler.exporter.kafka.BatchBackoff}), and sending records with a wait for
 * the broker's acknowledgement, so that a batch's offsets are committed only after what it
 * produced is stored.
 */
package io.simplecrawler.exporter.kafka;
