package io.simplecrawler.exporter.facts;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.simplecrawler.exporter.kafka.BatchBackoff;
import io.simplecrawler.exporter.kafka.ListenerHealthIndicator;
import io.simplecrawler.exporter.kafka.ListenerSettings;
import io.simplecrawler.exporter.kafka.PoisonRecords;
import io.simplecrawler.schemas.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands each polled batch of {@code crawl.frontier} to {@link CrawlFactExport}, with poison records
 * set aside and retries spaced out; offsets are committed after it returns.
 */
@KafkaListener(
        groupId = ListenerSettings.GROUP_ID,
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(
                value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryDelay = ListenerSettings.RETRY_DELAY,
                retryCount = ListenerSettings.RETRY_FOREVER,
                handleAllExceptions = false))
public class CrawlFactListener {
    private final CrawlFactExport export;
    private final PoisonRecords poisonRecords;
    private final BatchBackoff backoff;

    public CrawlFactListener(CrawlFactExport export, PoisonRecords poisonRecords, ListenerHealthIndicator health) {
        this.export = export;
        this.poisonRecords = poisonRecords;
        this.backoff = health.backoff(Topics.FRONTIER);
    }

    @Topic(Topics.FRONTIER)
    void onFacts(List<ConsumerRecord<String, byte[]>> records) {
        backoff.run(() -> poisonRecords.apply(records, export::apply));
    }
}
