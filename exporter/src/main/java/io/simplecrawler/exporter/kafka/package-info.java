/**
 * Kafka plumbing shared by the listeners: creating the topics at start-up, reading consumed
 * values into events (bad ones become dead letters for {@code crawl.fetch.dlq}), and sending
 * records with a wait for the broker's acknowledgement, so that a batch's offsets are
 * committed only after what it produced is stored.
 */
package io.simplecrawler.exporter.kafka;
