package io.simplecrawler.testkit;

import io.simplecrawler.broker.TopicCreator;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.SchemaIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads whole topics from the beginning without a consumer group, for assertions. Creates the
 * pipeline's topics first if they are missing.
 */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String... topics) {
        this(new Properties(), bootstrapServers, topics);
    }

    /** A reader that sees only the records of committed transactions, as an exactly-once application's readers do. */
    public static TopicReader committed(String bootstrapServers, String... topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new TopicReader(props, bootstrapServers, topics);
    }

    private TopicReader(Properties props, String bootstrapServers, String... topics) {
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        TopicCreator.createMissing(bootstrapServers, name -> null);
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every value read so far from {@code topic}, after one more poll. */
    public synchronized <T> List<T> values(String topic, Class<T> type) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.stream()
                .filter(r -> r.topic().equals(topic))
                .map(r -> EventJson.read(r.value(), type))
                .toList();
    }

    /** Every value read so far from {@code topic} under record key {@code key}, after one more poll. */
    public synchronized <T> List<T> values(String topic, String key, Class<T> type) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.stream()
                .filter(r -> r.topic().equals(topic) && key.equals(r.key()))
                .map(r -> EventJson.read(r.value(), type))
                .toList();
    }

    /** Every record read so far from {@code topic}, each partition's in offset order, after one more poll. */
    public synchronized List<ConsumerRecord<String, byte[]>> records(String topic) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** The record's {@code simplecrawler-schema} header, e.g. {@code page-record/2}; null when it has none. */
    public static String schemaOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(SchemaIdentity.HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every value read so far, of every topic, as UTF-8 text, after one more poll. */
    public synchronized List<String> texts() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
