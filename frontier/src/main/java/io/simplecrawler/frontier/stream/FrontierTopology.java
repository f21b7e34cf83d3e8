package io.simplecrawler.frontier.stream;

import io.simplecrawler.broker.DeadLetterMeter;
import io.simplecrawler.frontier.crawl.CrawlFrontier;
import io.simplecrawler.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * crawl.jobs + crawl.links -> admission -> crawl.fetch, crawl.frontier, crawl.fetch.dlq.
 * Both sources are keyed by job id with the same partition count, so one task processes all
 * of a job's records in order.
 */
public final class FrontierTopology {
    static final String FETCH_SINK = "fetch-tasks";
    static final String RENDER_SINK = "render-tasks";
    static final String FACTS_SINK = "crawl-facts";
    static final String DLQ_SINK = "dead-letters";

    private FrontierTopology() {}

    static Topology build(CrawlFrontier frontier, StoreRetry retry, DeadLetterMeter deadLetters) {
        var keys = Serdes.String();
        var values = Serdes.ByteArray();
        Topology topology = new Topology();
        topology.addSource("job-commands", keys.deserializer(), values.deserializer(), Topics.JOBS);
        topology.addSource("discovered-links", keys.deserializer(), values.deserializer(), Topics.LINKS);
        topology.addProcessor(
                "admission",
                () -> new FrontierProcessor(frontier, retry, deadLetters),
                "job-commands",
                "discovered-links");
        topology.addSink(FETCH_SINK, Topics.FETCH, keys.serializer(), values.serializer(), "admission");
        topology.addSink(RENDER_SINK, Topics.RENDER, keys.serializer(), values.serializer(), "admission");
        topology.addSink(FACTS_SINK, Topics.FRONTIER, keys.serializer(), values.serializer(), "admission");
        topology.addSink(DLQ_SINK, Topics.FETCH_DLQ, keys.serializer(), values.serializer(), "admission");
        return topology;
    }
}
