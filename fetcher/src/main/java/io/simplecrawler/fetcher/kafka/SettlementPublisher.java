package io.simplecrawler.fetcher.kafka;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Property;
import io.simplecrawler.broker.DeadLetterMeter;
import io.simplecrawler.broker.SchemaHeaders;
import io.simplecrawler.faults.DeadLetters;
import io.simplecrawler.fetcher.fetch.Settlement;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.Topics;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a settled task (its {@link PageRecord} to {@link Topics#PAGES} and its
 * {@link LinksDiscovered} to {@link Topics#LINKS}, both keyed by job id) and dead letters.
 * The futures complete when Kafka acknowledged the records (acks=all, idempotent).
 */
@Singleton
public class SettlementPublisher {
    private final Producer<String, byte[]> producer;
    private final DeadLetterMeter deadLetters;

    public SettlementPublisher(
            @KafkaClient(
                            value = "fetcher",
                            acks = KafkaClient.Acknowledge.ALL,
                            properties = {
                                @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"),
                                @Property(name = ProducerConfig.COMPRESSION_TYPE_CONFIG, value = "lz4"),
                                @Property(name = ProducerConfig.LINGER_MS_CONFIG, value = "10"),
                                @Property(
                                        name = ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
                                        value = SchemaHeaders.CONFIG),
                                // page records are 10-100 KB: the default 16 KB batch would send each one alone
                                @Property(name = ProducerConfig.BATCH_SIZE_CONFIG, value = "262144")
                            })
                    Producer<String, byte[]> producer,
            DeadLetterMeter deadLetters) {
        this.producer = producer;
        this.deadLetters = deadLetters;
    }

    /** The records are cut to Kafka's size limit first ({@link RecordSizeLimit}). */
    public CompletableFuture<Void> publish(Settlement settlement) {
        String key = settlement.page().jobId().toString();
        RecordSizeLimit.Fitted records = RecordSizeLimit.fit(settlement);
        return CompletableFuture.allOf(
                send(new ProducerRecord<>(Topics.PAGES, key, records.page())),
                send(new ProducerRecord<>(Topics.LINKS, key, records.links())));
    }

    public CompletableFuture<Void> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> letter = DeadLetters.of(record, reason);
        return send(letter).thenRun(() -> deadLetters.count(letter));
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                acked.completeExceptionally(error);
            } else {
                acked.complete(null);
            }
        });
        return acked;
    }
}
