package io.simplecrawler.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.simplecrawler.broker.KafkaBootstrapConfiguration;
import io.simplecrawler.gateway.auth.ApiKeysConfiguration;
import io.simplecrawler.gateway.firecrawl.FirecrawlConfiguration;
import io.simplecrawler.gateway.job.LimitsConfiguration;
import io.simplecrawler.gateway.job.PageLimitConfiguration;
import io.simplecrawler.gateway.results.ResultsConfiguration;
import io.simplecrawler.gateway.webhook.WebhookConfiguration;
import io.simplecrawler.testkit.TestKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway's validated settings records, with Kafka switched off so that no listener starts. */
class ConfigurationTest {

    @Test
    void hasWorkingDefaults() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of()))) {
            assertEquals(
                    new WebhookConfiguration(
                            5, Duration.ofSeconds(1), Duration.ofSeconds(10), 6, Duration.ofSeconds(2)),
                    context.getBean(WebhookConfiguration.class));
            assertEquals(new LimitsConfiguration(5, 60), context.getBean(LimitsConfiguration.class));
            assertEquals(
                    Duration.ofMillis(250),
                    context.getBean(GatewayConfiguration.class).eventsPollInterval());
            assertEquals(new PageLimitConfiguration(1000), context.getBean(PageLimitConfiguration.class));
            assertEquals(new ApiKeysConfiguration(""), context.getBean(ApiKeysConfiguration.class));
            assertEquals(new ResultsConfiguration(""), context.getBean(ResultsConfiguration.class));
            assertEquals(
                    new FirecrawlConfiguration(Duration.ofSeconds(30), ""),
                    context.getBean(FirecrawlConfiguration.class));
            assertEquals(
                    new KafkaBootstrapConfiguration(TestKafka.bootstrapServers()),
                    context.getBean(KafkaBootstrapConfiguration.class));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "gateway.webhooks.max-attempts, 0, maxAttempts",
        "gateway.webhooks.store-attempts, -1, storeAttempts",
        "gateway.webhooks.timeout, 0s, timeout",
        "gateway.webhooks.first-retry-delay, -1s, firstRetryDelay",
        "gateway.webhooks.max-batch-wait, 10m, maxBatchWait",
        "gateway.limits.open-jobs, 0, openJobs",
        "gateway.limits.submissions-per-minute, -5, submissionsPerMinute",
        "gateway.events-poll-interval, 0s, eventsPollInterval",
        "simplecrawler.max-pages-limit, 0, maxPagesLimit",
        "gateway.firecrawl.scrape-margin, 0s, scrapeMargin"
    })
    void theGatewayRefusesToStartWithABadValue(String key, String value, String parameter) {
        RuntimeException error =
                assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties(Map.of(key, value)))
                        .close());

        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("[" + parameter + "]"), messages.toString());
    }

    private static Map<String, Object> properties(Map<String, String> settings) {
        Map<String, Object> properties = new HashMap<>(GatewayTestProperties.plus(settings));
        properties.put("kafka.enabled", "false");
        return properties;
    }
}
