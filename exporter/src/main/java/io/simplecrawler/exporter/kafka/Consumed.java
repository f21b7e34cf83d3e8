package io.simplecrawler.exporter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record and the event read from its value. */
public record Consumed<T>(ConsumerRecord<String, byte[]> record, T event) {}
