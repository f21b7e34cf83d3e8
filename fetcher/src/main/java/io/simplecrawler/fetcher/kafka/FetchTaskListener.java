package io.simplecrawler.fetcher.kafka;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.simplecrawler.fetcher.fetch.TaskSettler;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@link Topics#FETCH} in batches. Every task of a batch is settled concurrently (the
 * host queues keep it polite); the method returns only when Kafka acknowledged every output of
 * the batch, and only then are the offsets committed (at-least-once). If an output cannot be
 * written or Redis cannot be asked, the whole batch is polled again after a pause: outputs are
 * idempotent downstream, so a replay duplicates nothing that matters.
 */
@KafkaListener(
        groupId = "fetcher",
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = "2s", retryCount = Integer.MAX_VALUE))
public class FetchTaskListener {
    private static final Logger LOG = LoggerFactory.getLogger(FetchTaskListener.class);

    private final TaskSettler settler;
    private final SettlementPublisher publisher;

    /** Takes {@link PipelineTopics} so that the topics exist before micronaut-kafka subscribes this listener. */
    public FetchTaskListener(PipelineTopics topics, TaskSettler settler, SettlementPublisher publisher) {
        this.settler = settler;
        this.publisher = publisher;
    }

    @Topic(Topics.FETCH)
    public void onFetchTasks(List<ConsumerRecord<String, byte[]>> records) {
        List<CompletableFuture<Void>> acknowledgements = new ArrayList<>();
        List<CompletableFuture<Void>> settlements = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                FetchTask task = readTask(record);
                settlements.add(settler.settle(task).thenCompose(settlement -> settlement
                        .map(s -> publisher.publish(s).thenCompose(acked -> settler.published(task)))
                        .orElse(CompletableFuture.completedFuture(null))));
            } catch (MalformedEventException e) {
                LOG.warn("Dead-lettered record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
                acknowledgements.add(publisher.deadLetter(record, e.getMessage()));
            }
        }
        acknowledgements.addAll(settlements);
        CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new)).join();
    }

    private static FetchTask readTask(ConsumerRecord<String, byte[]> record) {
        FetchTask task = EventJson.read(record.value(), FetchTask.class);
        if (task.jobId() == null || task.url() == null) {
            throw new MalformedEventException("FetchTask without jobId or url");
        }
        return task;
    }
}
