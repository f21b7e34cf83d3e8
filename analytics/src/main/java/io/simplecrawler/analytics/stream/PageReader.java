package io.simplecrawler.analytics.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.simplecrawler.analytics.stats.PageFact;
import io.simplecrawler.broker.DeadLetterMeter;
import io.simplecrawler.faults.DeadLetters;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.PageRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads a crawl.pages record: a page record seen for the first time in its job is counted, a
 * duplicate (the same jobId and url again: crawl.pages is at least once) is dropped, a record that
 * is not a page record (the end-of-pages marker, or a type added later) is skipped, and one that
 * cannot be read goes to the dead-letter topic with the reason.
 *
 * <p>Duplicates are recognised by a window store of (jobId, url) keyed at the record's time, kept
 * for the dedup retention: a duplicate delivered within it is dropped, one later than that
 * (a replay of days-old data) is counted again. The store is changelogged and written in the same
 * transaction as the statistics, so a crash neither forgets a page nor counts it twice.
 */
final class PageReader implements FixedKeyProcessor<String, byte[], PageRead> {
    private static final Logger LOG = LoggerFactory.getLogger(PageReader.class);
    /** The contract's schema header; a record whose header names another schema is not a page record. */
    static final String SCHEMA_HEADER = "simplecrawler-schema";

    private static final String PAGE_SCHEMA = "page-record/";

    private final Duration retention;
    private final Counter counted;
    private final Counter duplicates;
    private final Counter skipped;
    private final DeadLetterMeter deadLetters;
    private FixedKeyProcessorContext<String, PageRead> context;
    private WindowStore<String, Long> seen;

    PageReader(Duration retention, MeterRegistry meters) {
        this.retention = retention;
        this.counted = Counter.builder("simplecrawler.analytics.pages.counted")
                .description(
                        "Page records counted (first delivery of a jobId and url); with those of aborted transactions")
                .register(meters);
        this.duplicates = Counter.builder("simplecrawler.analytics.pages.duplicate")
                .description("Page records dropped as a duplicate of a page already counted")
                .register(meters);
        this.skipped = Counter.builder("simplecrawler.analytics.records.skipped")
                .description("crawl.pages records that are not page records (end-of-pages markers), skipped")
                .register(meters);
        this.deadLetters = new DeadLetterMeter(meters);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, PageRead> context) {
        this.context = context;
        this.seen = context.getStateStore(AnalyticsTopology.SEEN_PAGES);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        try (var job = MDC.putCloseable("crawl.jobId", record.key())) {
            if (!namesPageSchema(record)) {
                skip("its schema header names another schema");
                return;
            }
            JsonNode json = tree(record.value());
            if (!json.hasNonNull("url") || !json.hasNonNull("outcome")) {
                if (json.isObject() && json.hasNonNull("jobId")) {
                    skip("it has no url and outcome");
                } else {
                    throw new MalformedEventException("not a PageRecord: no jobId, url and outcome");
                }
                return;
            }
            PageRecord page = EventJson.read(record.value(), PageRecord.class);
            if (!page.jobId().toString().equals(record.key())) {
                // the contract keys crawl.pages by jobId: a job's pages, and its duplicates, meet in one task
                throw new MalformedEventException(
                        "the key " + record.key() + " is not the page's jobId " + page.jobId());
            }
            try (var url = MDC.putCloseable("crawl.url", page.url())) {
                count(record, page);
            }
        } catch (MalformedEventException e) {
            deadLetter(record, e.getMessage());
        }
    }

    private void count(FixedKeyRecord<String, byte[]> record, PageRecord page) {
        String key = page.jobId() + " " + page.url();
        long at = record.timestamp();
        try (WindowStoreIterator<Long> earlier =
                seen.fetch(key, at - retention.toMillis(), at + retention.toMillis())) {
            if (earlier.hasNext()) {
                duplicates.increment();
                LOG.debug("Duplicate page record of {} dropped", page.url());
                return;
            }
        }
        seen.put(key, at, at);
        counted.increment();
        context.forward(record.withValue(new PageRead.Counted(PageFact.of(page))));
    }

    private static boolean namesPageSchema(FixedKeyRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(SCHEMA_HEADER);
        return header == null
                || header.value() == null
                || new String(header.value(), StandardCharsets.UTF_8).startsWith(PAGE_SCHEMA);
    }

    private static JsonNode tree(byte[] value) {
        if (value == null || value.length == 0) {
            throw new MalformedEventException("empty record, expected PageRecord");
        }
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new MalformedEventException("not a valid PageRecord: " + e.getMessage(), e);
        }
    }

    private void skip(String why) {
        skipped.increment();
        LOG.debug("Skipped a crawl.pages record that is not a page record: {}", why);
    }

    private void deadLetter(FixedKeyRecord<String, byte[]> record, String reason) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        LOG.warn("Dead-lettering record {}-{}@{}: {}", source.topic(), source.partition(), source.offset(), reason);
        ProducerRecord<String, byte[]> letter = DeadLetters.of(
                source.topic(), source.partition(), source.offset(), record.key(), record.value(), reason);
        deadLetters.count(letter);
        context.forward(record.withValue(new PageRead.DeadLettered(letter.key(), letter.value())));
    }
}
