package io.simplecrawler.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A dead letter stays far below Kafka's 1 MiB record limit whatever the record it carries. */
class DeadLettersTest {

    @Test
    void aOneMegabyteValueIsCutAndDescribedByItsLengthAndDigest() throws Exception {
        byte[] value = new byte[1_048_000];
        Arrays.fill(value, (byte) '"');
        String key = "k".repeat(100_000);

        ProducerRecord<String, byte[]> record =
                DeadLetters.of(new ConsumerRecord<>(Topics.LINKS, 3, 9L, key, value), "bad");
        DeadLetter letter = EventJson.read(record.value(), DeadLetter.class);

        assertEquals(Topics.FETCH_DLQ, record.topic());
        assertTrue(record.value().length < 200_000, "a letter of " + record.value().length + " bytes");
        assertEquals(DeadLetters.MAX_TEXT_CHARS, record.key().length());
        assertEquals(record.key(), letter.key());
        assertEquals(DeadLetters.MAX_VALUE_BYTES, letter.value().length());
        assertEquals(1_048_000, letter.valueBytes());
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value)), letter.valueSha256());
        assertEquals(Boolean.TRUE, letter.valueTruncated());
        assertEquals(Topics.LINKS, letter.topic());
        assertEquals(3, letter.partition());
        assertEquals(9L, letter.offset());
    }

    @Test
    void aSmallValueIsKeptWhole() {
        byte[] value = {(byte) 0xFF, 'x'};
        DeadLetter letter = DeadLetters.letter(Topics.FETCH, 0, 1L, null, value, "r".repeat(10_000));

        assertEquals("\uFFFDx", letter.value());
        assertEquals(2, letter.valueBytes());
        assertNull(letter.valueTruncated());
        assertEquals(DeadLetters.MAX_TEXT_CHARS, letter.reason().length());
        assertArrayEquals(
                "\uFFFDx".getBytes(StandardCharsets.UTF_8), letter.value().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordWithoutValueHasNoValueFields() {
        DeadLetter letter = DeadLetters.letter(Topics.JOBS, 0, 1L, "job", null, "empty record");

        assertNull(letter.value());
        assertNull(letter.valueBytes());
        assertNull(letter.valueSha256());
    }
}
