package io.simplecrawler.exporter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An exporter stopped in the middle of a job's finalisation leaves the job running; the next one
 * to start finds it ready and finalises it: completed once, with whole files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinalisationRestartTest extends ExporterTestBase {
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final String SITE = "https://restart.test/";

    private final Path resultsDir = temporaryResultsDir();

    @Override
    protected Path resultsDir() {
        return resultsDir;
    }

    private Map<String, Object> exporter() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("exporter.finaliser.first-sweep-after", "0s");
        properties.put("exporter.finaliser.sweep-interval", "1s");
        return properties;
    }

    @Test
    void anExporterStoppedWhileFinalisingLeavesTheJobToTheNextWhichCompletesItOnce() throws Exception {
        UUID job = UUID.randomUUID();
        try (ApplicationContext first = ApplicationContext.run(exporter())) {
            LargeJournal.write(jobs, resultsDir, job, SITE);
            topics.send(Topics.FRONTIER, job, finished(job, LargeJournal.PAGES));
            await().atMost(DEADLINE).until(() -> FinalisedFiles.underWay(resultsDir, job));
        }
        assertEquals("running", jobs.row(job).get("status"), "the stopped exporter did not end the job");

        try (ApplicationContext second = ApplicationContext.run(exporter())) {
            await().atMost(DEADLINE).until(() -> jobs.row(job).get("status").equals("completed"));
            FinalisedFiles.assertComplete(resultsDir, job);
            try (TopicReader events = new TopicReader(TestKafka.bootstrapServers(), Topics.EVENTS)) {
                await().during(Duration.ofSeconds(3))
                        .atMost(DEADLINE)
                        .untilAsserted(() -> assertEquals(
                                List.of(JobEvent.Type.COMPLETED),
                                events(events, job).stream().map(JobEvent::type).toList()));
            }
            await().atMost(DEADLINE).until(() -> FinalisedFiles.noTemporaryFiles(resultsDir, job));
        }
        assertTrue(FinalisedFiles.noTemporaryFiles(resultsDir, job));
    }
}
