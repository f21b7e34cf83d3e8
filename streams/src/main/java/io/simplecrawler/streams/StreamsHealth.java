package io.simplecrawler.streams;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The health of a service's Kafka Streams ({@code kafkaStreams}): UP while the topology runs or
 * rebalances and is not stalled (what stalls it is the service's to say: a failed stream thread
 * waiting to be replaced, a store it waits for). A service makes it a bean by extending it.
 */
public abstract class StreamsHealth extends AbstractHealthIndicator<Map<String, String>> {
    private final Supplier<KafkaStreams.State> state;
    private final BooleanSupplier stalled;

    protected StreamsHealth(Supplier<KafkaStreams.State> state, BooleanSupplier stalled) {
        this.state = state;
        this.stalled = stalled;
    }

    @Override
    protected Map<String, String> getHealthInformation() {
        var state = this.state.get();
        boolean stalled = this.stalled.getAsBoolean();
        healthStatus = state.isRunningOrRebalancing() && !stalled ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("state", state.name(), "stalled", Boolean.toString(stalled));
    }

    @Override
    protected String getName() {
        return "kafkaStreams";
    }
}
