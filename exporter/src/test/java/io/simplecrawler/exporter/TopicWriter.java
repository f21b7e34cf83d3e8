package io.simplecrawler.exporter;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.testkit.TestKafka;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records keyed by job id as the frontier and fetchers would: events as JSON, or raw bytes. */
final class TopicWriter implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    /** Returns once the broker has the record. */
    void send(String topic, UUID key, Object event) throws ExecutionException, InterruptedException {
        sendRaw(topic, key, EventJson.write(event));
    }

    void sendRaw(String topic, UUID key, byte[] value) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
    }

    /** Sends to the given partition whatever the key, so that records of different jobs share a partition. */
    void sendTo(String topic, int partition, UUID key, Object event) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topic, partition, key.toString(), EventJson.write(event)))
                .get();
    }

    /** Sends without waiting; {@link #flush()} waits for every record sent so far. */
    void sendAsync(String topic, UUID key, Object event) {
        producer.send(new ProducerRecord<>(topic, key.toString(), EventJson.write(event)));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
