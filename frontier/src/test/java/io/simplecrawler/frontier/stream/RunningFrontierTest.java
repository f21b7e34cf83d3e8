package io.simplecrawler.frontier.stream;

import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestRedis;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A frontier running on the test broker and Redis, with {@link FrontierRecords} to send it
 * records and read what it wrote. Subclasses add {@code @MicronautTest} and, if needed, settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningFrontierTest implements TestPropertyProvider {
    protected final FrontierRecords records = new FrontierRecords();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(
                Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers(), "redis.uri", TestRedis.uri()));
        properties.putAll(extraProperties());
        return properties;
    }

    /** Settings of this test on top of the common ones. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @AfterAll
    void closeRecords() {
        records.close();
    }
}
