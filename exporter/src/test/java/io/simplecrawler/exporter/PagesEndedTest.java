package io.simplecrawler.exporter;

import static io.simplecrawler.exporter.PageRecords.page;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.schemas.CrawlCancelled;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobRejected;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.PagesEnded;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The end-of-pages marker, read back from the real broker: one per job, the last record of the job
 * in its partition of {@code crawl.pages}, with the job's distinct page count, for a completed job,
 * a job a client cancelled while pages were still coming, a job that failed at the end, and a job
 * rejected with no page at all; and the exporter, which reads the topic, skips it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesEndedTest extends ExporterTestBase {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SITE = "https://site.test/";

    private final Path resultsDir = temporaryResultsDir();
    private final TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.PAGES, Topics.FETCH_DLQ);

    @Override
    protected Path resultsDir() {
        return resultsDir;
    }

    @AfterAll
    void closeReader() {
        reader.close();
    }

    @Test
    void completedJobEndsItsPagesAfterTheLastOneReplaysIncluded() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown");
        topics.send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        topics.send(Topics.PAGES, job, page(job, SITE + "a", 1, FetchOutcome.FETCHED));
        topics.send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        topics.send(Topics.FRONTIER, job, finished(job, 3));
        topics.send(Topics.PAGES, job, page(job, SITE + "b", 1, FetchOutcome.FAILED));

        PagesEnded marker = awaitMarkerLast(job, 5);
        assertEquals(3, marker.total());
        assertEquals(JobStatus.COMPLETED, marker.status());
        assertEquals("completed", jobs.row(job).get("status"));
        assertNoDeadLetterOf(job);
    }

    @Test
    void cancelledJobEndsItsPagesOnlyOnceItsTasksInFlightHaveSettled() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "running", "markdown");
        topics.send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        jobs.set(job, "status", "cancelled");
        topics.send(Topics.FRONTIER, job, new CrawlCancelled(job, Instant.now()));
        await().atMost(DEADLINE).until(() -> jobs.exportedPages(job) == 1);
        // the job has ended, but two of its tasks are still in flight: no marker yet
        await().during(Duration.ofSeconds(2)).atMost(DEADLINE).until(() -> markers(job)
                .isEmpty());

        topics.send(Topics.PAGES, job, page(job, SITE + "a", 1, FetchOutcome.CANCELLED));
        topics.send(Topics.FRONTIER, job, finished(job, 3));
        topics.send(Topics.PAGES, job, page(job, SITE + "b", 1, FetchOutcome.CANCELLED));

        PagesEnded marker = awaitMarkerLast(job, 4);
        assertEquals(3, marker.total());
        assertEquals(JobStatus.CANCELLED, marker.status());
        assertNoDeadLetterOf(job);
    }

    @Test
    void jobWhoseSeedFailedEndsItsPagesFailed() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown");
        topics.send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FAILED));
        topics.send(Topics.FRONTIER, job, finished(job, 1));

        PagesEnded marker = awaitMarkerLast(job, 2);
        assertEquals(1, marker.total());
        assertEquals(JobStatus.FAILED, marker.status());
        assertEquals("failed", jobs.row(job).get("status"));
    }

    @Test
    void rejectedJobWithNoPagesGetsAMarkerOfZero() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown");
        topics.send(Topics.FRONTIER, job, new JobRejected(job, "maxPages must be at least 1", Instant.now()));

        PagesEnded marker = awaitMarkerLast(job, 1);
        assertEquals(0, marker.total());
        assertEquals(JobStatus.FAILED, marker.status());
    }

    /**
     * Waits until the job has {@code records} records on {@code crawl.pages}, then checks that the last one is its only
     * marker, in the partition of every other record of the job, and says so in its header.
     */
    private PagesEnded awaitMarkerLast(UUID job, int records) {
        await().atMost(DEADLINE).until(() -> ofJob(job).size() >= records);
        await().during(Duration.ofSeconds(1))
                .atMost(DEADLINE)
                .until(() -> ofJob(job).size() == records);
        List<ConsumerRecord<String, byte[]>> ofJob = ofJob(job);
        ConsumerRecord<String, byte[]> last = ofJob.get(ofJob.size() - 1);
        assertEquals(1, markers(job).size(), "one marker");
        assertEquals("pages-ended/1", TopicReader.schemaOf(last), "the last record is the marker");
        assertTrue(ofJob.stream().allMatch(record -> record.partition() == last.partition()), "one partition per job");
        return EventJson.read(last.value(), PagesEnded.class);
    }

    private List<ConsumerRecord<String, byte[]>> ofJob(UUID job) {
        return reader.records(Topics.PAGES).stream()
                .filter(record -> job.toString().equals(record.key()))
                .toList();
    }

    private List<ConsumerRecord<String, byte[]>> markers(UUID job) {
        return ofJob(job).stream()
                .filter(record -> "pages-ended/1".equals(TopicReader.schemaOf(record)))
                .toList();
    }

    private void assertNoDeadLetterOf(UUID job) {
        assertEquals(
                List.of(),
                reader.values(Topics.FETCH_DLQ, job.toString(), DeadLetter.class),
                "the exporter skips the marker, it does not dead-letter it");
    }
}
