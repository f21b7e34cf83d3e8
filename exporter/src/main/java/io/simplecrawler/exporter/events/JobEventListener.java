package io.simplecrawler.exporter.events;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.simplecrawler.exporter.kafka.ListenerSettings;
import io.simplecrawler.schemas.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Hands each polled batch of {@code crawl.events} to {@link JobEventExport}; offsets are committed after it returns. */
@KafkaListener(
        groupId = ListenerSettings.GROUP_ID,
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(
                value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryDelay = ListenerSettings.RETRY_DELAY,
                retryCount = ListenerSettings.RETRY_FOREVER,
                handleAllExceptions = true))
public class JobEventListener {
    private final JobEventExport export;

    public JobEventListener(JobEventExport export) {
        this.export = export;
    }

    @Topic(Topics.EVENTS)
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        export.apply(records);
    }
}
