package io.simplecrawler.frontier.stream;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** UP while the frontier topology runs or rebalances and is not stalled on Redis or on a failed stream thread. */
@Singleton
@Requires(beans = FrontierStreams.class)
public class StreamsHealthIndicator extends AbstractHealthIndicator<Map<String, String>> {
    private final FrontierStreams streams;

    StreamsHealthIndicator(FrontierStreams streams) {
        this.streams = streams;
    }

    @Override
    protected Map<String, String> getHealthInformation() {
        var state = streams.state();
        boolean stalled = streams.stalled();
        healthStatus = state.isRunningOrRebalancing() && !stalled ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("state", state.name(), "stalled", Boolean.toString(stalled));
    }

    @Override
    protected String getName() {
        return "kafkaStreams";
    }
}
