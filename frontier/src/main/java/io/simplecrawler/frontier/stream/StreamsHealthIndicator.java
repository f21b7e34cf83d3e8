package io.simplecrawler.frontier.stream;

import io.micronaut.context.annotation.Requires;
import io.simplecrawler.streams.StreamsHealth;
import jakarta.inject.Singleton;

/** UP while the frontier topology runs or rebalances and is not stalled on Redis or on a failed stream thread. */
@Singleton
@Requires(beans = FrontierStreams.class)
public class StreamsHealthIndicator extends StreamsHealth {
    StreamsHealthIndicator(FrontierStreams streams) {
        super(streams::state, streams::stalled);
    }
}
