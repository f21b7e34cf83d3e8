package io.simplecrawler.exporter;

import static io.simplecrawler.exporter.PageRecords.journalUrls;
import static io.simplecrawler.exporter.PageRecords.page;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The exporter when something fails: one job's files, a record's data, the database, the disk.
 * Records of different jobs are sent to one partition where it matters, as jobs whose keys
 * hash alike would be.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExporterFaultsTest extends ExporterTestBase {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SITE = "https://site.test/";
    private static final int PARTITION = 0;

    private final SmallDisk disk = SmallDisk.mount();
    private final Path resultsDir = disk.folder();

    @Override
    protected Path resultsDir() {
        return resultsDir;
    }

    @AfterAll
    void unmountDisk() {
        disk.close();
    }

    @Test
    void aJobWhoseFolderIsAFileFailsWithTheReasonWhileAJobOnTheSamePartitionCompletes() throws Exception {
        UUID blocked = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        jobs.insert(blocked, SITE, "pending", "markdown");
        jobs.insert(other, SITE, "pending", "markdown");
        Files.writeString(resultsDir.resolve(blocked.toString()), "a file where the job's folder belongs");

        topics.sendTo(Topics.PAGES, PARTITION, blocked, page(blocked, SITE, 0, FetchOutcome.FETCHED));
        topics.sendTo(Topics.PAGES, PARTITION, other, page(other, SITE, 0, FetchOutcome.FETCHED));
        topics.sendTo(Topics.PAGES, PARTITION, blocked, page(blocked, SITE + "a", 1, FetchOutcome.FETCHED));
        topics.sendTo(Topics.PAGES, PARTITION, other, page(other, SITE + "a", 1, FetchOutcome.FETCHED));
        topics.sendTo(Topics.FRONTIER, PARTITION, blocked, finished(blocked, 2));
        topics.sendTo(Topics.FRONTIER, PARTITION, other, finished(other, 2));

        await().atMost(DEADLINE).until(() -> jobs.row(other).get("status").equals("completed"));
        assertEquals(List.of(SITE, SITE + "a"), journalUrls(resultsDir, other));
        assertTrue(Files.exists(resultsDir.resolve(other + "/results.md")));
        await().atMost(DEADLINE).until(() -> jobs.row(blocked).get("status").equals("failed"));
        String error = "results cannot be written: " + blocked + " exists and is not a folder";
        assertEquals(error, jobs.row(blocked).get("error"));
        assertEquals(0, jobs.row(blocked).get("pages_written"), "nothing of the failed job is counted as written");
        awaitFailedAndCancelled(blocked, error);
        assertEquals("UP", listenersHealth().path("status").asText(), "one job's files are not the exporter's health");
    }

    @Test
    void recordsPostgresRefusesAreDeadLetteredAndTheRecordsAfterThemWritten() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown");
        String withNul = SITE + "nul\u0000page";
        // random letters do not compress: too long for the primary key's index
        String tooLong = SITE
                + new Random(7)
                        .ints(8000, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

        topics.sendTo(Topics.PAGES, PARTITION, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        topics.sendTo(Topics.PAGES, PARTITION, job, page(job, withNul, 1, FetchOutcome.FETCHED));
        topics.sendTo(Topics.PAGES, PARTITION, job, page(job, tooLong, 1, FetchOutcome.FETCHED));
        topics.sendTo(Topics.PAGES, PARTITION, job, page(job, SITE + "a", 1, FetchOutcome.FETCHED));
        topics.sendTo(Topics.FRONTIER, PARTITION, job, admitted(job, 3_000_000_000L));
        topics.sendTo(Topics.FRONTIER, PARTITION, job, finished(job, 2));

        await().atMost(DEADLINE).until(() -> jobs.row(job).get("status").equals("completed"));
        assertEquals(List.of(SITE, SITE + "a"), journalUrls(resultsDir, job));
        try (TopicReader dlq = new TopicReader(TestKafka.bootstrapServers(), Topics.FETCH_DLQ)) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                List<DeadLetter> letters = dlq.values(Topics.FETCH_DLQ, job.toString(), DeadLetter.class);
                List<String> refusedUrls = letters.stream()
                        .filter(letter -> letter.topic().equals(Topics.PAGES)
                                && letter.reason().startsWith("Postgres refused the record: "))
                        .map(letter -> EventJson.read(letter.value().getBytes(StandardCharsets.UTF_8), PageRecord.class)
                                .url())
                        .sorted()
                        .toList();
                assertEquals(List.of(withNul, tooLong).stream().sorted().toList(), refusedUrls, letters.toString());
                assertTrue(
                        letters.stream()
                                .anyMatch(letter -> letter.topic().equals(Topics.FRONTIER)
                                        && letter.reason().contains("admitted 3000000000 outside")),
                        letters.toString());
            });
        }
    }

    @Test
    void whilePostgresIsDownBatchesAreRetriedWithBackoffHealthIsDownAndNoJobFails() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown");
        try (DatabaseOutage outage = DatabaseOutage.begin(database)) {
            topics.send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
            topics.send(Topics.FRONTIER, job, finished(job, 1));

            JsonNode down = await().atMost(DEADLINE)
                    .until(
                            this::listenersHealth,
                            health -> health.path("details")
                                            .path(Topics.PAGES)
                                            .path("attempts")
                                            .asInt()
                                    >= 2);
            assertEquals("DOWN", down.path("status").asText());
            assertTrue(
                    down.path("details")
                            .path(Topics.PAGES)
                            .path("error")
                            .asText()
                            .contains("not currently accepting connections"),
                    down.toString());
        }

        await().atMost(DEADLINE).until(() -> jobs.row(job).get("status").equals("completed"));
        assertNull(jobs.row(job).get("error"));
        assertEquals(List.of(SITE), journalUrls(resultsDir, job));
        await().atMost(DEADLINE)
                .until(() -> listenersHealth().path("status").asText().equals("UP"));
    }

    @Test
    void onAFullDiskJobsFailWithTheReasonAndOnceThereIsRoomANewJobCompletes() throws Exception {
        disk.notMounted().ifPresent(why -> System.err.println("SKIPPED disk-full test: " + why));
        Assumptions.assumeTrue(
                disk.notMounted().isEmpty(),
                () -> "SKIPPED: the disk-full test needs a tmpfs of its own: "
                        + disk.notMounted().orElseThrow());
        UUID finishing = UUID.randomUUID();
        UUID starting = UUID.randomUUID();
        jobs.insert(finishing, SITE, "pending", "markdown");
        jobs.insert(starting, SITE, "pending", "markdown");
        topics.send(Topics.PAGES, finishing, page(finishing, SITE, 0, FetchOutcome.FETCHED));
        await().atMost(DEADLINE)
                .until(() -> jobs.row(finishing).get("pages_written").equals(1));

        disk.fill();
        try {
            topics.send(Topics.PAGES, starting, page(starting, SITE, 0, FetchOutcome.FETCHED));
            topics.send(Topics.FRONTIER, finishing, finished(finishing, 1));
            String error = "results cannot be written: No space left on device";
            await().atMost(DEADLINE).until(() -> error.equals(jobs.row(starting).get("error")));
            await().atMost(DEADLINE)
                    .until(() -> error.equals(jobs.row(finishing).get("error")));
            assertEquals("failed", jobs.row(starting).get("status"), "its first page could not be written");
            assertEquals("failed", jobs.row(finishing).get("status"), "its final files could not be written");
        } finally {
            disk.free();
        }

        UUID later = UUID.randomUUID();
        jobs.insert(later, SITE, "pending", "markdown");
        topics.send(Topics.PAGES, later, page(later, SITE, 0, FetchOutcome.FETCHED));
        topics.send(Topics.FRONTIER, later, finished(later, 1));
        await().atMost(DEADLINE).until(() -> jobs.row(later).get("status").equals("completed"));
        assertTrue(Files.exists(resultsDir.resolve(later + "/results.md")));
    }

    /** The health of the exporter's listeners, whether /health answers 200 or 503. */
    private JsonNode listenersHealth() throws IOException {
        String body;
        try {
            body = http.toBlocking().retrieve("/health");
        } catch (HttpClientResponseException e) {
            body = e.getResponse().getBody(String.class).orElseThrow();
        }
        return EventJson.mapper().readTree(body).path("details").path("listeners");
    }
}
