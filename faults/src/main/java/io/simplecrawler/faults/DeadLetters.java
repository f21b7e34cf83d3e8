package io.simplecrawler.faults;

import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds the dead-letter record for a consumed record that could not be processed. The letter
 * is bounded whatever the record was: the value is cut to {@link #MAX_VALUE_BYTES} (its length
 * and SHA-256 kept), the key and the reason to {@link #MAX_TEXT_CHARS}, so that a poison record
 * near Kafka's 1 MiB limit, whose letter would be larger still, cannot wedge the dead-letter path.
 */
public final class DeadLetters {
    /** The most of the original value a letter keeps. */
    public static final int MAX_VALUE_BYTES = 64 * 1024;
    /** The most of the key and of the reason a letter keeps. */
    public static final int MAX_TEXT_CHARS = 4 * 1024;

    private static final String PROCESSING_ERROR_PREFIX = "cannot process: ";

    private DeadLetters() {}

    public static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> record, String reason) {
        return of(record.topic(), record.partition(), record.offset(), record.key(), record.value(), reason);
    }

    /** The record for {@link Topics#FETCH_DLQ}, keyed by the (cut) key of the failed record. */
    public static ProducerRecord<String, byte[]> of(
            String topic, int partition, long offset, String key, byte[] value, String reason) {
        DeadLetter letter = letter(topic, partition, offset, key, value, reason);
        return new ProducerRecord<>(Topics.FETCH_DLQ, letter.key(), EventJson.write(letter));
    }

    public static DeadLetter letter(String topic, int partition, long offset, String key, byte[] value, String reason) {
        if (value == null) {
            return new DeadLetter(
                    topic, partition, offset, cut(key), null, cut(reason), Instant.now(), null, null, null);
        }
        boolean truncated = value.length > MAX_VALUE_BYTES;
        byte[] kept = truncated ? Arrays.copyOf(value, MAX_VALUE_BYTES) : value;
        return new DeadLetter(
                topic,
                partition,
                offset,
                cut(key),
                new String(kept, StandardCharsets.UTF_8),
                cut(reason),
                Instant.now(),
                value.length,
                sha256(value),
                truncated ? Boolean.TRUE : null);
    }

    /** The reason for a record that failed with an exception other than {@link MalformedEventException}. */
    public static String reason(Throwable error) {
        return PROCESSING_ERROR_PREFIX + error;
    }

    /**
     * A bounded class of a letter's reason, for metrics: {@code processing_error} for a readable
     * record whose processing failed ({@link #reason(Throwable)}), {@code invalid_record} for one
     * that could not be read or was refused as it is.
     */
    public static String reasonClass(String reason) {
        return reason != null && reason.startsWith(PROCESSING_ERROR_PREFIX) ? "processing_error" : "invalid_record";
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
    }

    private static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
