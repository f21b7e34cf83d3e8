package io.simplecrawler.frontier.stream;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** UP while the frontier topology runs or rebalances. */
@Singleton
public class StreamsHealthIndicator extends AbstractHealthIndicator<Map<String, String>> {
    private final FrontierStreams streams;

    StreamsHealthIndicator(FrontierStreams streams) {
        this.streams = streams;
    }

    @Override
    protected Map<String, String> getHealthInformation() {
        var state = streams.state();
        healthStatus = state.isRunningOrRebalancing() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("state", state.name());
    }

    @Override
    protected String getName() {
        return "kafkaStreams";
    }
}
