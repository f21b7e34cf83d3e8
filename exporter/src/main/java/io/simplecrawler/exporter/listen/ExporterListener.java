package io.simplecrawler.exporter.listen;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.simplecrawler.exporter.facts.CrawlFactExport;
import io.simplecrawler.exporter.kafka.BatchBackoff;
import io.simplecrawler.exporter.kafka.ListenerHealthIndicator;
import io.simplecrawler.exporter.kafka.ListenerSettings;
import io.simplecrawler.exporter.kafka.PoisonRecords;
import io.simplecrawler.exporter.pages.PageExport;
import io.simplecrawler.schemas.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands each polled batch of {@code crawl.pages} to {@link PageExport} and of {@code crawl.frontier}
 * to {@link CrawlFactExport} (a consumer per topic), with poison records set aside and retries
 * spaced out; offsets are committed after the export returns.
 */
@KafkaListener(
        groupId = ListenerSettings.GROUP_ID,
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy =
                @ErrorStrategy(
                        value = ErrorStrategyValue.RETRY_ON_ERROR,
                        retryDelay = ListenerSettings.RETRY_DELAY,
                        retryCount = ListenerSettings.RETRY_FOREVER,
                        handleAllExceptions = false))
public class ExporterListener {
    private final PageExport pages;
    private final CrawlFactExport facts;
    private final PoisonRecords poisonRecords;
    private final BatchBackoff pagesBackoff;
    private final BatchBackoff factsBackoff;

    public ExporterListener(
            PageExport pages, CrawlFactExport facts, PoisonRecords poisonRecords, ListenerHealthIndicator health) {
        this.pages = pages;
        this.facts = facts;
        this.poisonRecords = poisonRecords;
        this.pagesBackoff = health.backoff(Topics.PAGES);
        this.factsBackoff = health.backoff(Topics.FRONTIER);
    }

    @Topic(Topics.PAGES)
    void onPages(List<ConsumerRecord<String, byte[]>> records) {
        pagesBackoff.run(() -> poisonRecords.apply(records, pages::export));
    }

    @Topic(Topics.FRONTIER)
    void onFacts(List<ConsumerRecord<String, byte[]>> records) {
        factsBackoff.run(() -> poisonRecords.apply(records, facts::apply));
    }
}
