package io.simplecrawler.analytics.stream;

import io.micronaut.context.annotation.Requires;
import io.simplecrawler.streams.StreamsHealth;
import jakarta.inject.Singleton;

/** UP while the analytics topology runs or rebalances and no failed stream thread waits to be replaced. */
@Singleton
@Requires(beans = AnalyticsStreams.class)
public class StreamsHealthIndicator extends StreamsHealth {
    StreamsHealthIndicator(AnalyticsStreams streams) {
        super(streams::state, streams::replacingThread);
    }
}
