package io.simplecrawler.exporter;

import static io.simplecrawler.exporter.PageRecords.page;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A large job's finalisation runs off the consumer threads: other jobs' pages are exported and
 * other jobs complete meanwhile, and the watchdog, however long the job has written no page,
 * neither marks it stalled nor fails it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinalisationTest extends ExporterTestBase {
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final String SITE = "https://large.test/";
    private static final String OTHER = "https://small.test/";

    private final Path resultsDir = temporaryResultsDir();

    @Override
    protected Path resultsDir() {
        return resultsDir;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("exporter.watchdog.interval", "100ms");
        properties.put("exporter.watchdog.stall-after", "1s");
        properties.put("exporter.watchdog.fail-after", "2s");
        return properties;
    }

    @Test
    void aLargeJobFinalisesWhileOtherJobsAreExportedAndTheWatchdogLeavesItAlone() throws Exception {
        UUID large = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        LargeJournal.write(jobs, resultsDir, large, SITE);
        // its page count is in and its last page was written long ago: to the watchdog, stalled past fail-after
        jobs.set(large, "pages_total", LargeJournal.PAGES);
        jobs.set(large, "last_progress_at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        jobs.insert(small, OTHER, "pending", "markdown");

        topics.send(Topics.FRONTIER, large, finished(large, LargeJournal.PAGES));
        await().atMost(DEADLINE).until(() -> FinalisedFiles.underWay(resultsDir, large));
        topics.send(Topics.PAGES, small, page(small, OTHER, 0, FetchOutcome.FETCHED));
        topics.send(Topics.PAGES, small, page(small, OTHER + "a", 1, FetchOutcome.FETCHED));
        topics.send(Topics.FRONTIER, small, finished(small, 2));

        await().atMost(DEADLINE).until(() -> jobs.row(small).get("status").equals("completed"));
        assertEquals(
                "running",
                jobs.row(large).get("status"),
                "the small job's pages were exported and it completed while the large one was being finalised");
        await().atMost(DEADLINE).untilAsserted(() -> {
            Map<String, Object> row = jobs.row(large);
            assertNull(row.get("stalled_since"), "a job being finalised is not stalled");
            assertEquals("completed", row.get("status"), String.valueOf(row.get("error")));
        });

        FinalisedFiles.assertComplete(resultsDir, large);
        try (TopicReader events = new TopicReader(TestKafka.bootstrapServers(), Topics.EVENTS)) {
            await().during(Duration.ofSeconds(2)).atMost(DEADLINE).untilAsserted(() -> {
                List<JobEvent.Type> types =
                        events(events, large).stream().map(JobEvent::type).toList();
                assertEquals(List.of(JobEvent.Type.COMPLETED), types, "completed once, never failed");
            });
        }
        assertTrue(FinalisedFiles.noTemporaryFiles(resultsDir, large));
    }
}
