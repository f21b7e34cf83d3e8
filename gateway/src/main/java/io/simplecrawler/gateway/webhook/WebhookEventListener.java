package io.simplecrawler.gateway.webhook;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code crawl.events} in the gateway's own consumer group and hands the events to the
 * per-job delivery queues. It waits for a batch's deliveries at most {@code max-batch-wait}, so a
 * slow or dead receiver (up to minutes of timeouts and retries) neither holds up other jobs'
 * deliveries nor the poll loop (no rebalance); the batch is then committed while the slow
 * deliveries go on. Deliveries still queued when the gateway stops are lost (at-least-once only
 * for deliveries that finish within the wait; receivers deduplicate by id).
 * Malformed records are skipped here: the exporter, which owns that topic's DLQ, reports them.
 */
@KafkaListener(
        groupId = "gateway-webhooks",
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        properties = {
            @Property(name = "max.poll.records", value = "200"),
            @Property(name = "max.poll.interval.ms", value = "300000")
        })
class WebhookEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookEventListener.class);

    private final WebhookDispatcher dispatcher;
    private final Duration maxBatchWait;

    WebhookEventListener(WebhookDispatcher dispatcher, WebhookConfiguration configuration) {
        this.dispatcher = dispatcher;
        this.maxBatchWait = configuration.maxBatchWait();
    }

    @Topic(Topics.EVENTS)
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<JobEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(EventJson.read(record.value(), JobEvent.class));
            } catch (MalformedEventException e) {
                LOG.debug("Skipping malformed event at {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
        }
        try {
            dispatcher.dispatch(events).get(maxBatchWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.debug("Some of {} events' webhooks are still being delivered; committing the batch", events.size());
        } catch (ExecutionException e) {
            LOG.warn("Webhook dispatch failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
