package io.simplecrawler.renderer.kafka;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.simplecrawler.renderer.render.RenderSettler;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.RenderTask;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.settlement.Settlement;
import io.simplecrawler.settlement.SettlementPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Takes the tasks of crawl.render one at a time per thread ({@code renderer.concurrency} threads,
 * each with its own browser) and publishes each one's page and links records before its offset is
 * committed. A record that is not a render task goes to the dead-letter topic with the reason. A
 * store or broker fault is retried (the offset stays), so a task is never lost nor settled wrongly.
 */
@KafkaListener(
        groupId = "renderer",
        threadsValue = "${renderer.concurrency:2}",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        properties = {
            // one render takes up to the page time-out; a poll brings one task per thread
            @io.micronaut.context.annotation.Property(name = "max.poll.records", value = "1"),
            @io.micronaut.context.annotation.Property(name = "max.poll.interval.ms", value = "600000")
        },
        errorStrategy =
                @ErrorStrategy(
                        value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
                        retryDelay = "1s",
                        retryCount = 1000,
                        handleAllExceptions = true))
public class RenderTaskListener {
    private static final Logger LOG = LoggerFactory.getLogger(RenderTaskListener.class);

    private final RenderSettler settler;
    private final SettlementPublisher publisher;

    public RenderTaskListener(RenderSettler settler, SettlementPublisher publisher) {
        this.settler = settler;
        this.publisher = publisher;
    }

    @Topic(Topics.RENDER)
    void receive(ConsumerRecord<String, byte[]> record) {
        RenderTask task;
        try {
            task = EventJson.read(record.value(), RenderTask.class);
            if (task.depth() < 0 || task.url() == null) {
                throw new MalformedEventException("a render task needs a URL and a depth of 0 or more");
            }
        } catch (MalformedEventException | IllegalArgumentException e) {
            LOG.warn("Dead-lettering an unreadable render task at offset {}: {}", record.offset(), e.getMessage());
            publisher.deadLetter(record, "not a render task: " + e.getMessage()).join();
            return;
        }
        try (var job = MDC.putCloseable("crawl.jobId", String.valueOf(task.jobId()));
                var url = MDC.putCloseable("crawl.url", task.url())) {
            Settlement settlement = settler.settle(task);
            publisher.publish(settlement).join();
        }
    }
}
