package io.simplecrawler.settlement;

import io.simplecrawler.broker.DeadLetterMeter;
import io.simplecrawler.faults.DeadLetters;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.RenderTask;
import io.simplecrawler.schemas.Topics;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a settled task (its {@link PageRecord} to {@link Topics#PAGES} and its
 * {@link io.simplecrawler.schemas.LinksDiscovered} to {@link Topics#LINKS}, both keyed by job id,
 * or its {@link RenderTask} to {@link Topics#RENDER}) and dead letters. The futures complete when Kafka acknowledged the records. The bean is
 * {@link SettlementPublisherFactory}'s.
 */
public class SettlementPublisher {
    private final Producer<String, byte[]> producer;
    private final DeadLetterMeter deadLetters;

    public SettlementPublisher(Producer<String, byte[]> producer, DeadLetterMeter deadLetters) {
        this.producer = producer;
        this.deadLetters = deadLetters;
    }

    /**
     * The records are cut to Kafka's size limit first ({@link RecordSizeLimit}). A task handed to
     * the renderers is one render task on {@link Topics#RENDER}, keyed by host, and nothing else.
     */
    public CompletableFuture<Void> publish(Settlement settlement) {
        if (settlement.isHandedToRenderer()) {
            RenderTask task = settlement.renderInstead();
            return send(new ProducerRecord<>(Topics.RENDER, task.host(), EventJson.write(task)));
        }
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
