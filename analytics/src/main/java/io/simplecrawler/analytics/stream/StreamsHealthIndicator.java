package io.simplecrawler.analytics.stream;

import io.micronaut.context.annotation.Requires;
import io.simplecrawler.streams.StreamsHealth;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;

/** UP while the analytics topology runs or rebalances and no failed stream thread waits to be replaced. */
@Singleton
@Requires(beans = AnalyticsStreams.class)
public class StreamsHealthIndicator extends StreamsHealth {
    private final AnalyticsStreams streams;

    StreamsHealthIndicator(AnalyticsStreams streams) {
        this.streams = streams;
    }

    @Override
    protected KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    protected boolean stalled() {
        return streams.replacingThread();
    }
}
