package io.simplecrawler.analytics.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.simplecrawler.analytics.stats.PageFact;
import io.simplecrawler.analytics.stats.PageTally;
import io.simplecrawler.schemas.PageStats;
import io.simplecrawler.schemas.Topics;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * crawl.pages -> read, dedup by (jobId, url) -> per job -> crawl.stats.jobs; re-keyed by host -> per
 * host -> crawl.stats.hosts; unreadable records -> crawl.fetch.dlq. crawl.pages is keyed by job
 * (a record keyed otherwise is dead-lettered), so a job's records, and its duplicates, meet in one
 * task, which also keeps the job's tally without a repartition; the host statistics, which gather
 * many jobs, are counted after a repartition by host (an internal topic), from the deduplicated
 * pages only.
 */
public final class AnalyticsTopology {
    /** (jobId url) -> when first seen: the duplicates' filter. */
    public static final String SEEN_PAGES = "seen-pages";
    /** jobId -> {@link PageTally}. */
    public static final String JOB_STATS = "job-stats";
    /** host -> {@link PageTally}. */
    public static final String HOST_STATS = "host-stats";

    static final Serde<PageTally> TALLY = JsonSerde.of(PageTally.class);
    static final Serde<PageStats> STATS = JsonSerde.of(PageStats.class);
    private static final Serde<PageFact> FACT = JsonSerde.of(PageFact.class);

    private AnalyticsTopology() {}

    public static Topology build(Duration dedupRetention, MeterRegistry meters) {
        var keys = Serdes.String();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SEEN_PAGES, dedupRetention, dedupRetention, false), keys, Serdes.Long()));
        KStream<String, PageRead> read = builder.stream(
                        Topics.PAGES, Consumed.with(keys, Serdes.ByteArray()).withName("pages"))
                .processValues(() -> new PageReader(dedupRetention, meters), Named.as("page-reader"), SEEN_PAGES);
        var branches = read.split(Named.as("read-"))
                .branch((key, value) -> value instanceof PageRead.DeadLettered, Branched.as("dead-letters"))
                .defaultBranch(Branched.as("pages"));

        branches.get("read-dead-letters")
                .map(
                        (key, value) -> KeyValue.pair(
                                ((PageRead.DeadLettered) value).key(), ((PageRead.DeadLettered) value).letter()),
                        Named.as("letters"))
                .to(Topics.FETCH_DLQ, Produced.with(keys, Serdes.ByteArray()).withName("dead-letter-sink"));

        KStream<String, PageFact> pages =
                branches.get("read-pages").mapValues(value -> ((PageRead.Counted) value).page(), Named.as("facts"));

        tally(pages.groupByKey(Grouped.with("by-job", keys, FACT)), JOB_STATS)
                .mapValues((job, tally) -> tally.stats(null, UUID.fromString(job)), Named.as("job-stats-values"))
                .to(Topics.STATS_JOBS, Produced.with(keys, STATS).withName("job-stats-sink"));
        tally(pages.groupBy((job, page) -> page.host(), Grouped.with("by-host", keys, FACT)), HOST_STATS)
                .mapValues((host, tally) -> tally.stats(host, null), Named.as("host-stats-values"))
                .to(Topics.STATS_HOSTS, Produced.with(keys, STATS).withName("host-stats-sink"));
        return builder.build();
    }

    private static KStream<String, PageTally> tally(KGroupedStream<String, PageFact> grouped, String store) {
        return grouped.aggregate(
                        PageTally::empty,
                        (key, page, tally) -> tally.add(page),
                        Named.as(store + "-tally"),
                        Materialized.<String, PageTally, KeyValueStore<Bytes, byte[]>>as(store)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(TALLY))
                .toStream(Named.as(store + "-updates"));
    }
}
