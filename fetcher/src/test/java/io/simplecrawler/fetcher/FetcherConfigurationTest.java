package io.simplecrawler.fetcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.simplecrawler.fetcher.protocol.UserAgent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration alone: Kafka is switched off, so no listener starts. */
class FetcherConfigurationTest {

    @Test
    void hasWorkingDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.enabled", "false"))) {
            FetcherConfiguration configuration = context.getBean(FetcherConfiguration.class);

            assertEquals(
                    "SimpleCrawler/{version} (+https://github.com/simplecrawler/simplecrawler)",
                    configuration.userAgent());
            assertEquals(10 * 1024 * 1024, configuration.maxBodyBytes());
            assertEquals(1000, configuration.settingsCacheSize());
            assertEquals(Duration.ofHours(24), configuration.robotsCacheTtl());
            assertEquals(3, configuration.maxAttempts());
            assertEquals(Duration.ofSeconds(1), configuration.retryBackoff());
            assertEquals(Duration.ofSeconds(60), configuration.maxRetryAfter());
            assertEquals(Duration.ofSeconds(5), configuration.heldTasksReportInterval());

            UserAgent agent = context.getBean(UserAgent.class);
            assertTrue(
                    agent.header()
                            .matches("SimpleCrawler/\\S+ \\(\\+https://github.com/simplecrawler/simplecrawler\\)"),
                    agent.header());
            assertEquals("simplecrawler", agent.robotsToken());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "fetcher.user-agent, ' ', userAgent",
        "fetcher.max-body-bytes, 0, maxBodyBytes",
        "fetcher.settings-cache-size, -1, settingsCacheSize",
        "fetcher.max-attempts, 0, maxAttempts"
    })
    void refusesToStartWithABadValue(String key, String value, String parameter) {
        Map<String, Object> properties = new HashMap<>(Map.of("kafka.enabled", "false"));
        properties.put(key, value);

        RuntimeException error = assertThrows(
                RuntimeException.class, () -> ApplicationContext.run(properties).close());
        assertTrue(error.getMessage().contains("[" + parameter + "]"), error.getMessage());
    }
}
