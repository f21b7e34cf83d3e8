package io.simplecrawler.exporter.kafka;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Property;
import io.simplecrawler.broker.DeadLetterMeter;
import io.simplecrawler.broker.SchemaHeaders;
import io.simplecrawler.schemas.Topics;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends records and returns once the broker has acknowledged all of them. */
@Singleton
public class RecordSender {
    private final Producer<String, byte[]> producer;
    private final DeadLetterMeter deadLetters;

    public RecordSender(
            @KafkaClient(
                            value = "exporter",
                            properties =
                                    @Property(
                                            name = ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
                                            value = SchemaHeaders.CONFIG))
                    Producer<String, byte[]> producer,
            DeadLetterMeter deadLetters) {
        this.producer = producer;
        this.deadLetters = deadLetters;
    }

    /**
     * @throws IllegalStateException when a record could not be sent; the caller's batch is then retried
     */
    public void sendAll(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = records.stream().map(producer::send).toList();
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending records", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot send records: " + e.getCause().getMessage(), e.getCause());
        }
        records.stream()
                .filter(record -> Topics.FETCH_DLQ.equals(record.topic()))
                .forEach(deadLetters::count);
    }
}
