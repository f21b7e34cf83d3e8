package io.simplecrawler.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    @Test
    void doublesUpToTheMaximum() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

        assertEquals(Duration.ofMillis(100), backoff.delay(1));
        assertEquals(Duration.ofMillis(200), backoff.delay(2));
        assertEquals(Duration.ofMillis(3200), backoff.delay(6));
        assertEquals(Duration.ofSeconds(5), backoff.delay(7));
        assertEquals(Duration.ofSeconds(5), backoff.delay(Integer.MAX_VALUE));
    }
}
