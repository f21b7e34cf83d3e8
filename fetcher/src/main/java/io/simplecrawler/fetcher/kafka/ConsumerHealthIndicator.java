package io.simplecrawler.fetcher.kafka;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** DOWN when the fetch task consumer's thread has died: the fetcher would take no more tasks. */
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
        healthStatus = running ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("running", running);
    }

    @Override
    protected String getName() {
        return "fetchTaskConsumer";
    }
}
