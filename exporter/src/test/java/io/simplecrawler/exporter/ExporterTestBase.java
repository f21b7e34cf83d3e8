package io.simplecrawler.exporter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.schemas.CrawlFinished;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobCommand;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.schemas.UrlsAdmitted;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestPostgres;
import io.simplecrawler.testkit.TopicReader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
                "kafka.bootstrap.servers",
                TestKafka.bootstrapServers(),
                "datasources.default.url",
                database,
                "datasources.default.username",
                TestPostgres.username(),
                "datasources.default.password",
                TestPostgres.password(),
                // the gateway's part, which owns the jobs schema: the exporter only waits for it
                "flyway.datasources.default.enabled",
                "true",
                "flyway.datasources.default.locations",
                "classpath:db/migration",
                "exporter.results-dir",
                resultsDir().toString(),
                "micronaut.server.port",
                "-1");
    }

    /** Waits for the job's {@code FAILED} event with this error and the command that cancels its crawl. */
    protected static void awaitFailedAndCancelled(UUID job, String error) {
        try (TopicReader topics = new TopicReader(TestKafka.bootstrapServers(), Topics.EVENTS, Topics.JOBS)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertTrue(events(topics, job).stream()
                        .anyMatch(event -> event instanceof JobEvent.Failed failed && error.equals(failed.error())));
                assertTrue(
                        topics.values(Topics.JOBS, job.toString(), JobCommand.class).stream()
                                .anyMatch(command -> command instanceof JobCancelled),
                        "the failed job's crawl is cancelled");
            });
        }
    }

    /** The public events of a job the exporter wrote, in order. */
    protected static List<JobEvent> events(TopicReader events, UUID job) {
        return events.values(Topics.EVENTS, job.toString(), JobEvent.class);
    }

    /** The frontier's fact that the job's crawl is over with {@code total} page records. */
    protected static CrawlFinished finished(UUID job, long total) {
        return new CrawlFinished(job, total, 0, Instant.now());
    }

    /** The frontier's fact that the job has admitted {@code admitted} URLs so far. */
    protected static UrlsAdmitted admitted(UUID job, long admitted) {
        return new UrlsAdmitted(job, admitted, 0, Instant.now());
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
