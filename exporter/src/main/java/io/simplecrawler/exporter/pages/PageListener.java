package io.simplecrawler.exporter.pages;

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

/** Hands each polled batch of {@code crawl.pages} to {@link PageExport}; offsets are committed after it returns. */
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
public class PageListener {
    private final PageExport export;

    public PageListener(PageExport export) {
        this.export = export;
    }

    @Topic(Topics.PAGES)
    void onPages(List<ConsumerRecord<String, byte[]>> records) {
        export.export(records);
    }
}
