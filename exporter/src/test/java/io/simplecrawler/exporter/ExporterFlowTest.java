package io.simplecrawler.exporter;

import static io.simplecrawler.exporter.PageRecords.journalUrls;
import static io.simplecrawler.exporter.PageRecords.page;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.schemas.CrawlCancelled;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.JobRejected;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.PrometheusText;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestSite;
import io.simplecrawler.testkit.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The exporter against a real broker and a real Postgres, fed as the fetcher and frontier would feed it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExporterFlowTest extends ExporterTestBase {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SITE = "https://site.test/";
    private static final String PAGE_WEBHOOK =
            "{\"url\":\"https://hooks.test/\",\"secret\":null,\"events\":[\"page\",\"completed\"]}";

    private final Path resultsDir = temporaryResultsDir();

    @Override
    protected Path resultsDir() {
        return resultsDir;
    }

    @Test
    void completesOnlyOnceEveryPageIsWrittenWithEachUrlOnce() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown", PAGE_WEBHOOK, JobTable.MAX_PAGES);
        topics.send(Topics.FRONTIER, job, admitted(job, 5));
        await().atMost(DEADLINE).until(() -> jobs.row(job).get("pages_admitted").equals(5));
        // as if an exporter had appended the seed and crashed before its transaction committed
        Files.createDirectories(resultsDir.resolve(job.toString()));
        Files.write(
                resultsDir.resolve(job + "/pages.jsonl"),
                (EventJson.writeString(page(job, SITE, 0, FetchOutcome.FETCHED)) + "\n")
                        .getBytes(StandardCharsets.UTF_8));

        topics.send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        topics.send(Topics.PAGES, job, page(job, SITE + "a", 1, FetchOutcome.FETCHED));
        topics.send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        topics.send(Topics.PAGES, job, page(job, SITE + "b", 1, FetchOutcome.FAILED));
        topics.send(Topics.FRONTIER, job, finished(job, 5));

        await().atMost(DEADLINE)
                .until(() -> jobs.exportedPages(job) == 3
                        && Integer.valueOf(5).equals(jobs.row(job).get("pages_total")));
        await().during(Duration.ofSeconds(2))
                .atMost(DEADLINE)
                .until(() -> jobs.row(job).get("status").equals("running"));
        Map<String, Object> running = jobs.row(job);
        assertEquals(2, running.get("pages_crawled"));
        assertEquals(1, running.get("pages_failed"));
        assertEquals(200L, running.get("bytes_downloaded"));
        assertEquals(60, running.get("progress"));
        assertNotNull(running.get("started_at"));
        assertFalse(Files.exists(resultsDir.resolve(job + "/results.md")));

        topics.send(Topics.PAGES, job, page(job, SITE + "c", 2, FetchOutcome.FETCHED));
        topics.send(Topics.PAGES, job, page(job, SITE + "d", 2, FetchOutcome.CANCELLED));

        await().atMost(DEADLINE).until(() -> jobs.row(job).get("status").equals("completed"));
        Map<String, Object> completed = jobs.row(job);
        assertEquals(3, completed.get("pages_crawled"));
        assertEquals(1, completed.get("pages_failed"));
        assertEquals(300L, completed.get("bytes_downloaded"));
        assertEquals(100, completed.get("progress"));
        assertNotNull(completed.get("finished_at"));
        assertEquals(List.of(SITE, SITE + "a", SITE + "b", SITE + "c"), journalUrls(resultsDir, job));
        String markdown = Files.readString(resultsDir.resolve(job + "/results.md"));
        assertEquals(
                List.of("## Title of " + SITE, "## Title of " + SITE + "a", "## Title of " + SITE + "c"),
                markdown.lines().filter(line -> line.startsWith("## ")).toList());

        // replays after completion change nothing
        topics.send(Topics.PAGES, job, page(job, SITE + "c", 2, FetchOutcome.FETCHED));
        topics.send(Topics.FRONTIER, job, finished(job, 5));
        // the end-of-pages mark comes after completion (pagesend): the rest of the row stays as it was
        await().during(Duration.ofSeconds(2)).atMost(DEADLINE).until(() -> withoutPagesEndedMark(jobs.row(job))
                .equals(withoutPagesEndedMark(completed)));
        assertEquals(List.of(SITE, SITE + "a", SITE + "b", SITE + "c"), journalUrls(resultsDir, job));
        try (TopicReader events = new TopicReader(TestKafka.bootstrapServers(), Topics.EVENTS)) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                List<JobEvent> ofJob = events(events, job);
                assertEquals(
                        1,
                        ofJob.stream()
                                .filter(e -> e.type() == JobEvent.Type.STARTED)
                                .count());
                assertEquals(
                        List.of(SITE, SITE + "a", SITE + "b", SITE + "c"),
                        ofJob.stream()
                                .filter(JobEvent.PageWritten.class::isInstance)
                                .map(JobEvent.PageWritten.class::cast)
                                .map(JobEvent.PageWritten::url)
                                .sorted()
                                .toList(),
                        "one PAGE event per page written, none for replays or cancelled pages");
                List<JobEvent> done = ofJob.stream()
                        .filter(e -> e.type() == JobEvent.Type.COMPLETED)
                        .toList();
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
        topics.send(Topics.PAGES, job, page(job, SITE + "x", 1, FetchOutcome.FETCHED));
        topics.send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        topics.send(Topics.FRONTIER, job, finished(job, 2));

        await().atMost(DEADLINE).until(() -> jobs.row(job).get("status").equals("completed"));
        JsonNode results = EventJson.mapper()
                .readTree(resultsDir.resolve(job + "/results.json").toFile());
        assertEquals(job.toString(), results.path("job").path("id").asText());
        assertEquals("completed", results.path("job").path("status").asText());
        assertEquals(2, results.path("job").path("pagesCrawled").asInt());
        assertEquals(List.of(SITE, SITE + "x"), results.path("pages").findValuesAsText("url"));
        assertEquals(
                "Markdown of " + SITE,
                results.path("pages").get(0).path("markdown").asText());
        try (TopicReader events = new TopicReader(TestKafka.bootstrapServers(), Topics.EVENTS)) {
            // same key, same partition: PAGE events would come before the COMPLETED one
            await().atMost(DEADLINE)
                    .untilAsserted(() -> assertEquals(
                            List.of(JobEvent.Type.STARTED, JobEvent.Type.COMPLETED),
                            events(events, job).stream().map(JobEvent::type).toList(),
                            "no PAGE events for a job without a webhook that asks for them"));
        }
    }

    @Test
    void aJobWhoseSeedFailedEndsFailedWithTheSeedsError() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown");
        PageRecord seed = PageRecord.of(job, SITE, 0, FetchOutcome.FAILED)
                .finalUrl(SITE)
                .status(404)
                .contentType("text/html")
                .fetchedAt(Instant.now())
                .fetchMs(5)
                .links(List.of())
                .error("HTTP 404")
                .build();
        topics.send(Topics.PAGES, job, seed);
        topics.send(Topics.FRONTIER, job, finished(job, 1));

        await().atMost(DEADLINE).until(() -> jobs.row(job).get("status").equals("failed"));
        Map<String, Object> failed = jobs.row(job);
        assertEquals("seed " + SITE + " failed: HTTP 404", failed.get("error"));
        assertNotNull(failed.get("finished_at"));
        assertEquals(List.of(SITE), journalUrls(resultsDir, job));
        assertTrue(Files.exists(resultsDir.resolve(job + "/manifest.json")), "a failed job still gets its files");
        try (TopicReader events = new TopicReader(TestKafka.bootstrapServers(), Topics.EVENTS)) {
            await().atMost(DEADLINE)
                    .untilAsserted(() -> assertTrue(events(events, job).stream()
                            .anyMatch(event -> event instanceof JobEvent.Failed f
                                    && failed.get("error").equals(f.error()))));
        }
    }

    @Test
    void aRejectedJobFailsAndOnlyAClientsCancellationIsTold() throws Exception {
        UUID rejected = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID failedHere = UUID.randomUUID();
        jobs.insert(rejected, SITE, "pending", "markdown");
        jobs.insert(cancelled, SITE, "cancelled", "markdown");
        jobs.insert(failedHere, SITE, "failed", "markdown");
        topics.send(Topics.FRONTIER, rejected, new JobRejected(rejected, "maxPages must be at least 1", Instant.now()));
        topics.send(Topics.FRONTIER, cancelled, new CrawlCancelled(cancelled, Instant.now()));
        // the exporter cancels the crawl of a job it failed: its clients heard FAILED, not CANCELLED
        topics.send(Topics.FRONTIER, failedHere, new CrawlCancelled(failedHere, Instant.now()));
        topics.send(Topics.FRONTIER, failedHere, admitted(failedHere, 3));

        await().atMost(DEADLINE)
                .until(() -> jobs.row(rejected).get("status").equals("failed")
                        && jobs.row(failedHere).get("pages_admitted").equals(3));
        assertEquals("maxPages must be at least 1", jobs.row(rejected).get("error"));
        try (TopicReader events = new TopicReader(TestKafka.bootstrapServers(), Topics.EVENTS)) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                List<JobEvent> ofRejected = events(events, rejected);
                assertEquals(
                        List.of(JobEvent.Type.FAILED),
                        ofRejected.stream().map(JobEvent::type).toList());
                assertEquals("maxPages must be at least 1", ((JobEvent.Failed) ofRejected.get(0)).error());
                assertEquals(
                        List.of(JobEvent.Type.CANCELLED),
                        events(events, cancelled).stream().map(JobEvent::type).toList());
            });
            assertEquals(List.of(), events(events, failedHere));
        }
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicAndTheNextRecordIsWritten() throws Exception {
        UUID job = UUID.randomUUID();
        UUID unknownJob = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown");
        topics.sendRaw(Topics.PAGES, job, "{not json".getBytes(StandardCharsets.UTF_8));
        topics.send(Topics.PAGES, unknownJob, page(unknownJob, SITE, 0, FetchOutcome.FETCHED));
        topics.sendRaw(Topics.FRONTIER, job, "[]".getBytes(StandardCharsets.UTF_8));
        topics.send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));

        await().atMost(DEADLINE).until(() -> jobs.exportedPages(job) == 1);
        try (TopicReader dlq = new TopicReader(TestKafka.bootstrapServers(), Topics.FETCH_DLQ)) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                List<DeadLetter> letters = dlq.values(Topics.FETCH_DLQ, DeadLetter.class);
                assertTrue(letters.stream()
                        .anyMatch(letter -> letter.topic().equals(Topics.PAGES)
                                && letter.key().equals(job.toString())
                                && letter.value().equals("{not json")));
                assertTrue(letters.stream()
                        .anyMatch(letter -> letter.topic().equals(Topics.PAGES)
                                && letter.key().equals(unknownJob.toString())
                                && letter.reason().contains("no job")));
                assertTrue(letters.stream()
                        .anyMatch(letter -> letter.topic().equals(Topics.FRONTIER)
                                && letter.key().equals(job.toString())));
            });
        }
    }

    @Test
    void cancelledJobIsNotCompleted() throws Exception {
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "cancelled", "markdown");
        topics.send(Topics.PAGES, job, page(job, SITE, 0, FetchOutcome.FETCHED));
        topics.send(Topics.FRONTIER, job, finished(job, 1));

        await().atMost(DEADLINE)
                .until(() -> jobs.exportedPages(job) == 1
                        && Integer.valueOf(1).equals(jobs.row(job).get("pages_total")));
        await().during(Duration.ofSeconds(2))
                .atMost(DEADLINE)
                .until(() -> jobs.row(job).get("status").equals("cancelled"));
        assertEquals(1, jobs.row(job).get("pages_crawled"));
    }

    @Test
    void progressIsTheShareOfTheBudgetWrittenNeverAheadOfTheRealShareAndNeverDecreasing() throws Exception {
        int maxPages = 1000;
        UUID job = UUID.randomUUID();
        jobs.insert(job, SITE, "pending", "markdown", null, maxPages);
        // a 1000-page crawl of a generated site of 4,681 pages, in the frontier's breadth-first order
        List<String> paths =
                TestSite.tree(8, 4).pathsUpToDepth(4).stream().limit(maxPages).toList();
        // the frontier admits just ahead of what is written, as on a site whose pages mostly link to pages seen before
        int admittedAhead = 20;
        int step = 50;
        List<Integer> progress = new ArrayList<>();
        for (int written = step; written <= maxPages; written += step) {
            int admitted = Math.min(maxPages, written + admittedAhead);
            topics.send(Topics.FRONTIER, job, admitted(job, admitted));
            for (String path : paths.subList(written - step, written)) {
                topics.sendAsync(
                        Topics.PAGES,
                        job,
                        page(job, SITE.substring(0, SITE.length() - 1) + path, depth(path), FetchOutcome.FETCHED));
            }
            topics.flush();
            int expected = written;
            await().atMost(DEADLINE)
                    .until(() -> jobs.row(job).get("pages_written").equals(expected)
                            && jobs.row(job).get("pages_admitted").equals(admitted));
            progress.add((Integer) jobs.row(job).get("progress"));
        }
        int at250 = progress.get(250 / step - 1);
        assertTrue(at250 >= 20 && at250 <= 30, "about 25 at 250 of 1000 pages written: " + progress);
        for (int i = 0; i < progress.size(); i++) {
            int written = (i + 1) * step;
            if (written < 900) {
                assertTrue(
                        progress.get(i) <= 90, "never above 90 before 90% is written; at " + written + ": " + progress);
            }
            if (i > 0) {
                assertTrue(progress.get(i) >= progress.get(i - 1), "never decreasing: " + progress);
            }
        }
        assertEquals(
                99,
                progress.get(progress.size() - 1),
                "every page written, the crawl not yet reported finished: 99, since 100 is for completion; "
                        + progress);

        topics.send(Topics.FRONTIER, job, finished(job, maxPages));
        await().atMost(DEADLINE).until(() -> jobs.row(job).get("status").equals("completed"));
        assertEquals(100, jobs.row(job).get("progress"));
        assertEquals((long) maxPages, jobs.exportedPages(job), "the incremental count is the count of rows");
        assertEquals(maxPages, jobs.row(job).get("pages_written"));
    }

    @Test
    void healthShowsDatabaseAndKafkaAndMetricsAreExposed() throws IOException {
        JsonNode health = EventJson.mapper().readTree(http.toBlocking().retrieve("/health"));
        assertEquals("UP", health.path("status").asText());
        assertEquals("UP", health.path("details").path("jdbc").path("status").asText());
        assertEquals("UP", health.path("details").path("kafka").path("status").asText());

        String metrics = http.toBlocking().retrieve("/prometheus");
        assertTrue(metrics.contains("simplecrawler_exporter_pages_written_total"), metrics);
        assertTrue(metrics.contains("simplecrawler_exporter_jobs_completed_total"), metrics);
        // the disk of the results folder, for the alert above 90% full
        double free = PrometheusText.sum(metrics, "simplecrawler_exporter_results_disk_free_bytes");
        double size = PrometheusText.sum(metrics, "simplecrawler_exporter_results_disk_size_bytes");
        assertTrue(free > 0 && size >= free, metrics);
        // Postgres call latency (Hikari's own meter): the exporter wrote the job's progress
        assertTrue(PrometheusText.sum(metrics, "hikaricp_connections_usage_seconds_count") > 0, metrics);
    }

    /** The depth of a page of a generated site: "/" is 0, "/n2/n0" is 2. */
    private static int depth(String path) {
        return path.equals("/") ? 0 : (int) path.chars().filter(c -> c == '/').count();
    }

    private static Map<String, Object> withoutPagesEndedMark(Map<String, Object> row) {
        Map<String, Object> rest = new HashMap<>(row);
        rest.remove("pages_ended_at");
        return rest;
    }
}
