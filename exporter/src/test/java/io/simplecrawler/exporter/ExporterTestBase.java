package io.simplecrawler.exporter;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.localstack.TestKafka;
import io.simplecrawler.localstack.TestPostgres;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * An exporter under test (annotate the subclass with {@code @MicronautTest} and a per-class
 * lifecycle): the shared broker, a database of its own, the results folder the subclass names,
 * and the tables and topics to feed and watch it.
 */
abstract class ExporterTestBase implements TestPropertyProvider {
    protected final String database = TestPostgres.newDatabase();
    protected final JobTable jobs = new JobTable(database, TestPostgres.username(), TestPostgres.password());
    protected final TopicWriter topics = new TopicWriter();

    @Inject
    @Client("/")
    HttpClient http;

    /** Where the exporter writes job folders; called once, before the exporter starts. */
    protected abstract Path resultsDir();

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "datasources.default.url", database,
                "datasources.default.username", TestPostgres.username(),
                "datasources.default.password", TestPostgres.password(),
                "exporter.results-dir", resultsDir().toString(),
                "micronaut.server.port", "-1");
    }

    /** A new empty folder for a test's results. */
    protected static Path temporaryResultsDir() {
        try {
            return Files.createTempDirectory("exporter-results");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void closeTopics() {
        topics.close();
    }
}
