package io.simplecrawler.exporter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.localstack.TestKafka;
import io.simplecrawler.localstack.TestPostgres;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.Topics;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The exporter against a real broker and a real Postgres, fed as the fetcher and frontier would feed it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExporterFlowTest implements TestPropertyProvider {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SITE = "https://site.test/";
    private static final String PAGE_WEBHOOK = "{\"url\":\"https://hooks.test/\",\"secret\":null,\"events\":[\"page\",\"completed\"]}";

    private final String database = TestPostgres.newDatabase();
    private final Path resultsDir = createResultsDir();
    private final JobTable jobs = new JobTable(database, TestPostgres.username(), TestPostgres.password());
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "datasources.default.url", database,
                "datasources.default.username", TestPostgres.username(),
                "datasources.default.password", TestPostgres.password(),
                "exporter.results-dir", resultsDir.toString(),
                "micronaut.server.port", "-1");
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    @Test
    void completesOnlyOnceEveryPageIsWrittenWithEachUrlOnce() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown", PAGE_WEBHOOK);
        send(Topics.EVENTS, job, new JobEvent(job, JobEvent.Type.PROGRESS, 5, 0, 0, null, Instant.now()));
        await().atMost(DEADLINE).until(() -> jobs.row(job).get("pages_admitted").equals(5));
        // as if an exporter had appended the seed and crashed before its transaction committed
        Files.createDirectories(resultsDir.resolve(job.toString()));
        Files.write(resultsDir.resolve(job + "/pages.jsonl"),
                (EventJson.writeString(page(job, SITE, 0, FetchOutcome.FETCHED)) + "\n").getBytes(StandardCharsets.UTF_8));

        send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        send(Topics.PAGES, job, page(job, SITE + "a", 1, FetchOutcome.FETCHED));
        send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        send(Topics.PAGES, job, page(job, SITE + "b", 1, FetchOutcome.FAILED));
        send(Topics.EVENTS, job, JobEvent.crawled(job, 5));

        await().atMost(DEADLINE).until(() -> jobs.exportedPages(job) == 3
                && Integer.valueOf(5).equals(jobs.row(job).get("pages_total")));
        await().during(Duration.ofSeconds(2)).atMost(DEADLINE)
                .until(() -> jobs.row(job).get("status").equals("running"));
        Map<String, Object> running = jobs.row(job);
        assertEquals(2, running.get("pages_crawled"));
        assertEquals(1, running.get("pages_failed"));
        assertEquals(200L, running.get("bytes_downloaded"));
        assertEquals(60, running.get("progress"));
        assertNotNull(running.get("started_at"));
        assertFalse(Files.exists(resultsDir.resolve(job + "/results.md")));

        send(Topics.PAGES, job, page(job, SITE + "c", 2, FetchOutcome.FETCHED));
        send(Topics.PAGES, job, page(job, SITE + "d", 2, FetchOutcome.CANCELLED));

        await().atMost(DEADLINE).until(() -> jobs.row(job).get("status").equals("completed"));
        Map<String, Object> completed = jobs.row(job);
        assertEquals(3, completed.get("pages_crawled"));
        assertEquals(1, completed.get("pages_failed"));
        assertEquals(300L, completed.get("bytes_downloaded"));
        assertEquals(100, completed.get("progress"));
        assertNotNull(completed.get("finished_at"));
        assertEquals(List.of(SITE, SITE + "a", SITE + "b", SITE + "c"), journalUrls(job));
        String markdown = Files.readString(resultsDir.resolve(job + "/results.md"));
        assertEquals(List.of("## Title of " + SITE, "## Title of " + SITE + "a", "## Title of " + SITE + "c"),
                markdown.lines().filter(line -> line.startsWith("## ")).toList());

        // replays after completion change nothing
        send(Topics.PAGES, job, page(job, SITE + "c", 2, FetchOutcome.FETCHED));
        send(Topics.EVENTS, job, JobEvent.crawled(job, 5));
        await().during(Duration.ofSeconds(2)).atMost(DEADLINE).until(() -> jobs.row(job).equals(completed));
        assertEquals(List.of(SITE, SITE + "a", SITE + "b", SITE + "c"), journalUrls(job));
        try (TopicReader events = new TopicReader(Topics.EVENTS)) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                List<JobEvent> ofJob = events.records().stream()
                        .filter(record -> record.key().equals(job.toString()))
                        .map(record -> EventJson.read(record.value(), JobEvent.class))
                        .toList();
                assertEquals(1, ofJob.stream().filter(e -> e.type() == JobEvent.Type.STARTED).count());
                assertEquals(List.of(SITE, SITE + "a", SITE + "b", SITE + "c"),
                        ofJob.stream().filter(e -> e.type() == JobEvent.Type.PAGE).map(JobEvent::url).sorted().toList(),
                        "one PAGE event per page written, none for replays or cancelled pages");
                List<JobEvent> done = ofJob.stream().filter(e -> e.type() == JobEvent.Type.COMPLETED).toList();
                assertEquals(1, done.size());
                assertEquals(5, done.get(0).total());
                assertEquals(3, done.get(0).pagesCrawled());
                assertEquals(1, done.get(0).pagesFailed());
            });
        }
    }

    @Test
    void jsonJobGetsOneValidResultsJson() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "json");
        send(Topics.PAGES, job, page(job, SITE + "x", 1, FetchOutcome.FETCHED));
        send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        send(Topics.EVENTS, job, JobEvent.crawled(job, 2));

        await().atMost(DEADLINE).until(() -> jobs.row(job).get("status").equals("completed"));
        JsonNode results = EventJson.mapper().readTree(resultsDir.resolve(job + "/results.json").toFile());
        assertEquals(job.toString(), results.path("job").path("id").asText());
        assertEquals("completed", results.path("job").path("status").asText());
        assertEquals(2, results.path("job").path("pagesCrawled").asInt());
        assertEquals(List.of(SITE, SITE + "x"),
                results.path("pages").findValuesAsText("url"));
        assertEquals("Markdown of " + SITE, results.path("pages").get(0).path("markdown").asText());
        try (TopicReader events = new TopicReader(Topics.EVENTS)) {
            // same key, same partition: PAGE events would come before the COMPLETED one
            await().atMost(DEADLINE).untilAsserted(() -> assertEquals(List.of(JobEvent.Type.STARTED, JobEvent.Type.COMPLETED),
                    events.records().stream()
                            .filter(record -> record.key().equals(job.toString()))
                            .map(record -> EventJson.read(record.value(), JobEvent.class).type())
                            .filter(type -> type != JobEvent.Type.CRAWLED)
                            .toList(),
                    "no PAGE events for a job without a webhook that asks for them"));
        }
    }

    @Test
    void aJobWhoseSeedFailedEndsFailedWithTheSeedsError() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown");
        PageRecord seed = new PageRecord(job, SITE, SITE, 0, FetchOutcome.FAILED, 404, "text/html", Instant.now(), 5, 0,
                null, null, null, List.of(), "HTTP 404");
        send(Topics.PAGES, job, seed);
        send(Topics.EVENTS, job, JobEvent.crawled(job, 1));

        await().atMost(DEADLINE).until(() -> jobs.row(job).get("status").equals("failed"));
        Map<String, Object> failed = jobs.row(job);
        assertEquals("seed " + SITE + " failed: HTTP 404", failed.get("error"));
        assertNotNull(failed.get("finished_at"));
        assertEquals(List.of(SITE), journalUrls(job));
        assertTrue(Files.exists(resultsDir.resolve(job + "/manifest.json")), "a failed job still gets its files");
        try (TopicReader events = new TopicReader(Topics.EVENTS)) {
            await().atMost(DEADLINE).untilAsserted(() -> assertTrue(events.records().stream()
                    .filter(record -> record.key().equals(job.toString()))
                    .map(record -> EventJson.read(record.value(), JobEvent.class))
                    .anyMatch(event -> event.type() == JobEvent.Type.FAILED && failed.get("error").equals(event.error()))));
        }
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicAndTheNextRecordIsWritten() throws Exception {
        UUID job = UUID.randomUUID();
        UUID unknownJob = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown");
        sendRaw(Topics.PAGES, job, "{not json".getBytes(StandardCharsets.UTF_8));
        send(Topics.PAGES, unknownJob, page(unknownJob, SITE, 0, FetchOutcome.FETCHED));
        sendRaw(Topics.EVENTS, job, "[]".getBytes(StandardCharsets.UTF_8));
        send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));

        await().atMost(DEADLINE).until(() -> jobs.exportedPages(job) == 1);
        try (TopicReader dlq = new TopicReader(Topics.FETCH_DLQ)) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                List<DeadLetter> letters = dlq.records().stream()
                        .map(record -> EventJson.read(record.value(), DeadLetter.class))
                        .toList();
                assertTrue(letters.stream().anyMatch(letter -> letter.topic().equals(Topics.PAGES)
                        && letter.key().equals(job.toString()) && letter.value().equals("{not json")));
                assertTrue(letters.stream().anyMatch(letter -> letter.topic().equals(Topics.PAGES)
                        && letter.key().equals(unknownJob.toString()) && letter.reason().contains("no job")));
                assertTrue(letters.stream().anyMatch(letter -> letter.topic().equals(Topics.EVENTS)
                        && letter.key().equals(job.toString())));
            });
        }
    }

    @Test
    void cancelledJobIsNotCompleted() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "cancelled", "markdown");
        send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        send(Topics.EVENTS, job, JobEvent.crawled(job, 1));

        await().atMost(DEADLINE).until(() -> jobs.exportedPages(job) == 1
                && Integer.valueOf(1).equals(jobs.row(job).get("pages_total")));
        await().during(Duration.ofSeconds(2)).atMost(DEADLINE)
                .until(() -> jobs.row(job).get("status").equals("cancelled"));
        assertEquals(1, jobs.row(job).get("pages_crawled"));
    }

    @Test
    void aBatchThatFailsIsRetriedUntilItSucceeds() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown");
        // a file where the job's folder belongs: every attempt to append the page fails
        Path blocker = resultsDir.resolve(job.toString());
        Files.writeString(blocker, "not a folder");
        send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));

        await().during(Duration.ofSeconds(3)).atMost(DEADLINE).until(() -> jobs.exportedPages(job) == 0);
        Files.delete(blocker);

        await().atMost(DEADLINE).until(() -> jobs.exportedPages(job) == 1);
        assertEquals(List.of(SITE), journalUrls(job));
        assertEquals("running", jobs.row(job).get("status"));
    }

    @Test
    void healthShowsDatabaseAndKafkaAndMetricsAreExposed() throws IOException {
        JsonNode health = EventJson.mapper().readTree(http.toBlocking().retrieve("/health"));
        assertEquals("UP", health.path("status").asText());
        assertEquals("UP", health.path("details").path("jdbc").path("status").asText());
        assertEquals("UP", health.path("details").path("kafka").path("status").asText());

        String metrics = http.toBlocking().retrieve("/prometheus");
        assertTrue(metrics.contains("exporter_pages_written_total"), metrics);
        assertTrue(metrics.contains("exporter_jobs_completed_total"), metrics);
    }

    private List<String> journalUrls(UUID job) throws IOException {
        return Files.readAllLines(resultsDir.resolve(job + "/pages.jsonl")).stream()
                .map(line -> EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class).url())
                .toList();
    }

    private void send(String topic, UUID key, Object event) throws ExecutionException, InterruptedException {
        sendRaw(topic, key, EventJson.write(event));
    }

    private void sendRaw(String topic, UUID key, byte[] value) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
    }

    private static PageRecord page(UUID job, String url, int depth, FetchOutcome outcome) {
        boolean fetched = outcome == FetchOutcome.FETCHED;
        return new PageRecord(job, url, url, depth, outcome, fetched ? 200 : 0, "text/html", Instant.now(), 10,
                fetched ? 100 : 0, "Title of " + url, "Text of " + url, "Markdown of " + url, List.of(), null);
    }

    private static Path createResultsDir() {
        try {
            return Files.createTempDirectory("exporter-results");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
