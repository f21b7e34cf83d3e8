package io.simplecrawler.exporter.kafka;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DOWN while a listener's batches fail for want of Postgres or the broker, with since when,
 * how many attempts and the last error: the exporter cannot progress. UP once a batch goes
 * through again.
 */
@Singleton
public class ListenerHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final Map<String, BatchBackoff> listeners = new ConcurrentHashMap<>();

    /** The backoff of the listener of {@code topic}, whose state this indicator reports. */
    public BatchBackoff backoff(String topic) {
        return listeners.computeIfAbsent(topic, BatchBackoff::new);
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new TreeMap<>();
        boolean down = false;
        for (var listener : listeners.entrySet()) {
            Optional<BatchBackoff.Failing> failing = listener.getValue().failing();
            down |= failing.isPresent();
            details.put(
                    listener.getKey(),
                    failing.<Object>map(f -> Map.of(
                                    "since",
                                    f.since().toString(),
                                    "attempts",
                                    f.attempts(),
                                    "error",
                                    f.error(),
                                    "nextAttempt",
                                    f.nextAttempt().toString()))
                            .orElse("UP"));
        }
        healthStatus = down ? HealthStatus.DOWN : HealthStatus.UP;
        return details;
    }

    @Override
    protected String getName() {
        return "listeners";
    }
}
