package io.simplecrawler.exporter.watchdog;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WatchdogConfigurationTest {
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @Test
    void refusesToFailJobsBeforeMarkingThemStalled() {
        assertDoesNotThrow(() -> new WatchdogConfiguration(INTERVAL, Duration.ofMinutes(2), Duration.ofMinutes(15)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new WatchdogConfiguration(INTERVAL, Duration.ofMinutes(20), Duration.ofMinutes(15)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new WatchdogConfiguration(INTERVAL, Duration.ZERO, Duration.ofMinutes(15)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new WatchdogConfiguration(Duration.ZERO, Duration.ofMinutes(2), Duration.ofMinutes(15)));
    }
}
