package io.simplecrawler.exporter.completion;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FinaliserConfigurationTest {
    private static final Duration SWEEP = Duration.ofSeconds(30);
    private static final Duration FIRST = Duration.ofSeconds(5);

    @Test
    void refusesSettingsThatWouldNeverFinaliseAJob() {
        assertDoesNotThrow(() -> new FinaliserConfiguration(2, SWEEP, FIRST));
        assertDoesNotThrow(() -> new FinaliserConfiguration(1, SWEEP, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new FinaliserConfiguration(0, SWEEP, FIRST));
        assertThrows(IllegalArgumentException.class, () -> new FinaliserConfiguration(2, Duration.ZERO, FIRST));
        assertThrows(
                IllegalArgumentException.class, () -> new FinaliserConfiguration(2, SWEEP, Duration.ofSeconds(-1)));
    }
}
