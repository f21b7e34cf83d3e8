package io.simplecrawler.frontier.stream;

import io.micronaut.context.annotation.Requires;
import io.simplecrawler.streams.StreamsHealth;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;

/** UP while the frontier topology runs or rebalances and is not stalled on Redis or on a failed stream thread. */
@Singleton
@Requires(beans = FrontierStreams.class)
public class StreamsHealthIndicator extends StreamsHealth {
    private final FrontierStreams streams;

    StreamsHealthIndicator(FrontierStreams streams) {
        this.streams = streams;
    }

    @Override
    protected KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    protected boolean stalled() {
        return streams.stalled();
    }
}
