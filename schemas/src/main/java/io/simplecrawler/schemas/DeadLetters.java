package io.simplecrawler.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds the dead-letter record for a consumed record that could not be processed. */
public final class DeadLetters {
    private DeadLetters() {}

    public static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> record, String reason) {
        String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        DeadLetter letter = new DeadLetter(
                record.topic(), record.partition(), record.offset(), record.key(), value, reason, Instant.now());
        return new ProducerRecord<>(Topics.FETCH_DLQ, record.key(), EventJson.write(letter));
    }
}
