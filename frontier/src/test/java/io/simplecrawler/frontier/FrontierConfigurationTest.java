package io.simplecrawler.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration alone: Kafka is switched off, so the topology does not start. */
class FrontierConfigurationTest {

    @Test
    void hasWorkingDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.enabled", "false"))) {
            assertEquals(
                    new FrontierConfiguration(2, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(10)),
                    context.getBean(FrontierConfiguration.class));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "frontier.stream-threads, 0, streamThreads",
        "frontier.commit-interval, 0s, commitInterval",
        "frontier.retry-backoff, -1s, retryBackoff",
        "frontier.max-retry-backoff, 50ms, maxRetryBackoff"
    })
    void refusesToStartWithABadValue(String key, String value, String parameter) {
        Map<String, Object> properties = new HashMap<>(Map.of("kafka.enabled", "false"));
        properties.put(key, value);

        RuntimeException error = assertThrows(
                RuntimeException.class, () -> ApplicationContext.run(properties).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("[" + parameter + "]"), messages.toString());
    }
}
