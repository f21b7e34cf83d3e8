package io.simplecrawler.fetcher.kafka;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** DOWN when the fetch task consumer's thread has died, or while its tasks wait for Redis or Kafka: the fetcher makes no progress. */
@Singleton
@Requires(beans = FetchTaskConsumer.class)
public class ConsumerHealthIndicator extends AbstractHealthIndicator<Map<String, Boolean>> {
    private final FetchTaskConsumer consumer;

    ConsumerHealthIndicator(FetchTaskConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    protected Map<String, Boolean> getHealthInformation() {
        boolean running = consumer.isRunning();
        boolean stalled = consumer.isStalled();
        healthStatus = running && !stalled ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("running", running, "stalled", stalled);
    }

    @Override
    protected String getName() {
        return "fetchTaskConsumer";
    }
}
