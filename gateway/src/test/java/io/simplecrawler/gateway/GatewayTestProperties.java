package io.simplecrawler.gateway;

import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestPostgres;
import io.simplecrawler.testkit.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The gateway's settings for a test: a fresh database, the shared broker and Redis, a temporary results folder. */
public final class GatewayTestProperties {
    private GatewayTestProperties() {}

    public static Map<String, String> with(Path resultsDir) {
        return Map.of(
                "datasources.default.url", TestPostgres.newDatabase(),
                "datasources.default.username", TestPostgres.username(),
                "datasources.default.password", TestPostgres.password(),
                "kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "redis.uri", TestRedis.uri(),
                "gateway.results-dir", resultsDir.toString());
    }

    /** {@link #with(Path)} a new results folder, plus this test's own settings. */
    public static Map<String, String> plus(Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(with(newResultsDir()));
        properties.putAll(settings);
        return properties;
    }

    public static Path newResultsDir() {
        try {
            return Files.createTempDirectory("gateway-results");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
