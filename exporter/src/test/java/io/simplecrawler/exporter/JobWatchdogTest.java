package io.simplecrawler.exporter;

import static io.simplecrawler.exporter.PageRecords.page;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobCommand;
import io.simplecrawler.schemas.JobStalled;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.PagesEnded;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.PrometheusText;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Jobs whose pages stop coming (a fetcher holding its tasks for good, state lost in Redis, a
 * record lost on the way): the watchdog marks them stalled, then ends them, so no job stays open.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobWatchdogTest extends ExporterTestBase {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SITE = "https://site.test/";

    private final Path resultsDir = temporaryResultsDir();

    @Override
    protected Path resultsDir() {
        return resultsDir;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("exporter.watchdog.interval", "200ms");
        properties.put("exporter.watchdog.stall-after", "2s");
        properties.put("exporter.watchdog.fail-after", "5s");
        return properties;
    }

    @Test
    void aJobWhosePagesStopComingIsMarkedStalledThenFailedWithTheReason() throws Exception {
        UUID stuck = UUID.randomUUID();
        UUID unpublished = UUID.randomUUID();
        jobs.insert(stuck, SITE, "pending", "markdown");
        jobs.insert(unpublished, SITE, "pending", "markdown");
        topics.send(Topics.PAGES, stuck, page(stuck, SITE, 0, FetchOutcome.FETCHED));
        topics.send(Topics.FRONTIER, stuck, admitted(stuck, 5));

        await().atMost(DEADLINE).until(() -> jobs.row(stuck).get("status").equals("running"));
        assertNull(jobs.row(stuck).get("stalled_since"), "a job that just wrote a page is not stalled");
        await().atMost(DEADLINE).until(() -> jobs.row(stuck).get("stalled_since") != null);
        assertEquals("running", jobs.row(stuck).get("status"), "stalled first, failed only later");
        await().atMost(DEADLINE)
                .until(() -> PrometheusText.sum(
                                http.toBlocking().retrieve("/prometheus"), "simplecrawler_exporter_jobs_stalled")
                        >= 1);
        awaitStalledReported(stuck);

        await().atMost(DEADLINE).until(() -> jobs.row(stuck).get("status").equals("failed"));
        String error = (String) jobs.row(stuck).get("error");
        assertTrue(error.startsWith("stalled: no page written for "), error);
        assertTrue(error.contains("1 of 5 admitted pages written"), error);
        assertTrue(error.matches(".*re-emitted [1-9][0-9]* time\\(s\\) without progress.*"), error);
        awaitFailedAndCancelled(stuck, error);
        awaitPagesEndedAfter(stuck, 1);
        Map<String, Object> waiting = jobs.row(unpublished);
        assertEquals("pending", waiting.get("status"), "a submission not yet published is the gateway's outbox's");
        assertNull(waiting.get("stalled_since"));
    }

    /** A job failed for want of progress may never see its crawl finish: its pages end at once, with those written. */
    private static void awaitPagesEndedAfter(UUID job, long pages) {
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.PAGES)) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> ofJob = reader.records(Topics.PAGES).stream()
                        .filter(record -> job.toString().equals(record.key()))
                        .toList();
                assertEquals(pages + 1, ofJob.size());
                assertEquals("pages-ended/1", TopicReader.schemaOf(ofJob.get(ofJob.size() - 1)));
                PagesEnded marker = EventJson.read(ofJob.get(ofJob.size() - 1).value(), PagesEnded.class);
                assertEquals(pages, marker.total());
                assertEquals(JobStatus.FAILED, marker.status());
            });
        }
    }

    /** The frontier is asked to re-emit the stalled job's unsettled fetch tasks, before the job fails. */
    private static void awaitStalledReported(UUID job) {
        try (TopicReader commands = new TopicReader(TestKafka.bootstrapServers(), Topics.JOBS)) {
            await().atMost(DEADLINE).until(() -> commands.values(Topics.JOBS, job.toString(), JobCommand.class).stream()
                    .anyMatch(command -> command instanceof JobStalled));
        }
    }

    @Test
    void aJobWhoseCompletionWasMissedCompletesInsteadOfFailing() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown");
        topics.send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        await().atMost(DEADLINE)
                .until(() -> Integer.valueOf(1).equals(jobs.row(job).get("pages_written")));
        // the crawl's page count reached the row, but the completion that should have followed did not run
        jobs.set(job, "pages_total", 1);

        await().atMost(DEADLINE).until(() -> !jobs.row(job).get("status").equals("running"));
        assertEquals(
                "completed",
                jobs.row(job).get("status"),
                String.valueOf(jobs.row(job).get("error")));
        assertNotNull(jobs.row(job).get("finished_at"));
        assertTrue(Files.exists(resultsDir.resolve(job + "/results.md")));
    }
}
