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
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code crawl.events} in the gateway's own consumer group and commits a batch only
 * after its webhooks were delivered or given up (at-least-once; receivers deduplicate by id).
 * Malformed records are skipped here: the exporter, which owns that topic's DLQ, reports them.
 */
@KafkaListener(groupId = "gateway-webhooks", batch = true, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC, properties = {
            @Property(name = "max.poll.records", value = "200"),
            @Property(name = "max.poll.interval.ms", value = "900000")})
class WebhookEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookEventListener.class);

    private final WebhookDispatcher dispatcher;

    WebhookEventListener(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
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
        dispatcher.dispatch(events).join();
    }
}
