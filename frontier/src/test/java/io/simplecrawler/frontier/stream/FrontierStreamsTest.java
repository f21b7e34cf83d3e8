package io.simplecrawler.frontier.stream;

import static io.simplecrawler.frontier.stream.FrontierRecords.DEADLINE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.schemas.ContentOptions;
import io.simplecrawler.schemas.CrawlCancelled;
import io.simplecrawler.schemas.CrawlFinished;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobRejected;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.JobStalled;
import io.simplecrawler.schemas.JobSubmitted;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.RenderMode;
import io.simplecrawler.schemas.RenderTask;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.schemas.UrlsAdmitted;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The frontier topology on a real broker and Redis, driven by the records fetchers would send. */
@MicronautTest
class FrontierStreamsTest extends RunningFrontierTest {
    @Inject
    StatefulRedisConnection<String, String> redis;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("crawlstate.finished-crawl-retention", "2s");
    }

    @Test
    void expandsDepthByDepthWithinBudgetAndReportsTheCrawlFinished() {
        UUID job = UUID.randomUUID();
        String seed = "http://site.test/";
        submit(job, seed, 4, 1);

        List<FetchTask> seedTask = awaitTasks(job, 1);
        assertEquals(new FetchTask(job, seed, 0, 1), seedTask.get(0));

        send(
                Topics.LINKS,
                job,
                new LinksDiscovered(
                        job,
                        seed,
                        0,
                        FetchOutcome.FETCHED,
                        List.of(
                                "http://site.test/a",
                                "http://site.test/a#frag",
                                "http://other.test/x",
                                "http://site.test/b",
                                "http://site.test/c",
                                "http://site.test/d")));
        List<FetchTask> tasks = awaitTasks(job, 4);
        assertEquals(
                Set.of("http://site.test/a", "http://site.test/b", "http://site.test/c"),
                tasks.stream().filter(t -> t.depth() == 1).map(FetchTask::url).collect(Collectors.toSet()),
                "budget 4 = seed + 3; other hosts never; fragments dropped");

        for (String url : List.of("http://site.test/a", "http://site.test/b", "http://site.test/c")) {
            send(
                    Topics.LINKS,
                    job,
                    new LinksDiscovered(job, url, 1, FetchOutcome.FETCHED, List.of("http://site.test/deeper")));
        }
        CrawlFinished crawled = records.awaitFact(job, CrawlFinished.class);
        assertEquals(4, crawled.total());
        assertEquals(
                List.of(1L, 4L),
                records.facts(job, UrlsAdmitted.class).stream()
                        .map(UrlsAdmitted::admitted)
                        .toList(),
                "the seed, then the links of the seed that fit the budget");
        assertEquals(4, awaitTasks(job, 4).size(), "maxDepth 1: links of depth-1 pages are not admitted");
        await().atMost(DEADLINE)
                .untilAsserted(() -> assertEquals(
                        0L,
                        redis.sync().exists(JobKeys.crawlState(job).toArray(String[]::new)),
                        "a finished crawl's state expires"));
    }

    @Test
    void aStalledJobHasTheTasksOfItsUnsettledUrlsEmittedAgainAtTheirDepth() {
        UUID job = UUID.randomUUID();
        String seed = "http://site.test/";
        submit(job, seed, 10, 3);
        awaitTasks(job, 1);
        send(
                Topics.LINKS,
                job,
                new LinksDiscovered(
                        job, seed, 0, FetchOutcome.FETCHED, List.of("http://site.test/a", "http://site.test/b")));
        awaitTasks(job, 3);
        send(
                Topics.LINKS,
                job,
                new LinksDiscovered(
                        job, "http://site.test/a", 1, FetchOutcome.FETCHED, List.of("http://site.test/a/x")));
        awaitTasks(job, 4);
        await().atMost(DEADLINE).until(() -> redis.sync().scard(JobKeys.settled(job)) == 2L);

        send(Topics.JOBS, job, new JobStalled(job, Instant.now()));
        List<FetchTask> again = awaitTasks(job, 6).subList(4, 6);
        assertEquals(
                Set.of(
                        new FetchTask(job, "http://site.test/b", 1, FetchTask.REDRIVEN),
                        new FetchTask(job, "http://site.test/a/x", 2, FetchTask.REDRIVEN)),
                Set.copyOf(again),
                "only the unsettled URLs, each at the depth it was admitted at");

        send(Topics.LINKS, job, new LinksDiscovered(job, "http://site.test/b", 1, FetchOutcome.FETCHED, List.of()));
        send(Topics.LINKS, job, new LinksDiscovered(job, "http://site.test/a/x", 2, FetchOutcome.FAILED, null));
        assertEquals(
                4, records.awaitFact(job, CrawlFinished.class).total(), "re-emitted tasks add nothing to the budget");
    }

    @Test
    void aCancelledJobIsMarkedForTheFetchersAndAdmitsNoMoreLinks() {
        UUID job = UUID.randomUUID();
        String seed = "http://site.test/";
        submit(job, seed, 10, 2);
        awaitTasks(job, 1);
        send(Topics.JOBS, job, new JobCancelled(job, Instant.now()));
        await().atMost(DEADLINE).until(() -> redis.sync().exists(JobKeys.stopped(job)) == 1L);
        assertTrue(redis.sync().ttl(JobKeys.stopped(job)) > 0, "the mark expires");
        records.awaitFact(job, CrawlCancelled.class);

        send(
                Topics.LINKS,
                job,
                new LinksDiscovered(job, seed, 0, FetchOutcome.CANCELLED, List.of("http://site.test/a")));
        CrawlFinished crawled = records.awaitFact(job, CrawlFinished.class);
        assertEquals(1, crawled.total(), "no link of a cancelled job is admitted");
    }

    @Test
    void admitsOnlyWhatTheScopeTakesCountsTrapsAndTakesSitemapLinksAtDepthOne() {
        UUID job = UUID.randomUUID();
        String seed = "http://scope.test/docs/";
        var settings = new JobSettings(
                seed,
                100,
                1,
                OutputFormat.MARKDOWN,
                0,
                4,
                30_000,
                List.of("^/docs/"),
                List.of("/old/"),
                true,
                false,
                true,
                true,
                0,
                false);
        send(Topics.JOBS, job, new JobSubmitted(job, settings, Instant.now()));
        awaitTasks(job, 1);

        send(
                Topics.LINKS,
                job,
                new LinksDiscovered(
                        job,
                        seed,
                        0,
                        FetchOutcome.FETCHED,
                        List.of(
                                "http://scope.test/docs/a",
                                "http://scope.test/docs/old/b",
                                "http://scope.test/blog/c",
                                "http://scope.test/docs/x/x/x",
                                "http://api.scope.test/docs/d",
                                "http://elsewhere.test/docs/e"),
                        List.of("http://scope.test/docs/f", "http://scope.test/docs/a", "http://scope.test/about")));

        List<FetchTask> tasks = awaitTasks(job, 4);
        assertEquals(
                Set.of("http://scope.test/docs/a", "http://api.scope.test/docs/d", "http://scope.test/docs/f"),
                tasks.stream().filter(t -> t.depth() == 1).map(FetchTask::url).collect(Collectors.toSet()));
        for (FetchTask task : tasks.stream().filter(t -> t.depth() == 1).toList()) {
            send(Topics.LINKS, job, new LinksDiscovered(job, task.url(), 1, FetchOutcome.FETCHED, List.of()));
        }
        CrawlFinished crawled = records.awaitFact(job, CrawlFinished.class);
        assertEquals(4, crawled.total());
        assertEquals(1L, crawled.filtered(), "/docs/x/x/x repeats a segment three times");
    }

    @Test
    void aJobWithAnInvalidPathPatternFails() {
        UUID job = UUID.randomUUID();
        var settings = new JobSettings(
                "http://bad.test/",
                10,
                1,
                OutputFormat.MARKDOWN,
                0,
                4,
                30_000,
                List.of("(unclosed"),
                List.of(),
                false,
                false,
                false,
                true,
                0,
                false);
        send(Topics.JOBS, job, new JobSubmitted(job, settings, Instant.now()));

        JobRejected rejected = records.awaitFact(job, JobRejected.class);
        assertTrue(rejected.reason().contains("invalid path pattern"), rejected.reason());
    }

    @Test
    void aFailedSeedStillFinishesTheCrawl() {
        UUID job = UUID.randomUUID();
        submit(job, "http://down.test/", 10, 2);
        awaitTasks(job, 1);
        send(Topics.LINKS, job, new LinksDiscovered(job, "http://down.test/", 0, FetchOutcome.FAILED, List.of()));
        CrawlFinished crawled = records.awaitFact(job, CrawlFinished.class);
        assertEquals(1, crawled.total());
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        UUID job = UUID.randomUUID();
        records.send(Topics.LINKS, job.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
        submit(job, "http://after.test/", 10, 2);

        awaitTasks(job, 1);
        DeadLetter letter = await().atMost(DEADLINE)
                .until(
                        () -> records.deadLetters().stream()
                                .filter(l -> job.toString().equals(l.key()))
                                .toList(),
                        l -> !l.isEmpty())
                .get(0);
        assertEquals(Topics.LINKS, letter.topic());
        assertTrue(letter.reason().contains("LinksDiscovered"), letter.reason());
    }

    private void submit(UUID job, String seed, int maxPages, int maxDepth) {
        records.submit(job, seed, maxPages, maxDepth);
    }

    @Test
    void aJobThatRendersEveryPageSendsItsTasksToTheRenderers() {
        UUID job = UUID.randomUUID();
        String seed = "http://app.test/";
        records.submit(
                job,
                new JobSettings(
                        seed,
                        3,
                        1,
                        OutputFormat.MARKDOWN,
                        0,
                        4,
                        30_000,
                        List.of(),
                        List.of(),
                        false,
                        false,
                        false,
                        true,
                        JobSettings.DEFAULT_MAX_BYTES,
                        false,
                        ContentOptions.NONE,
                        RenderMode.ALWAYS,
                        null,
                        false));

        assertEquals(
                List.of(new RenderTask(job, seed, 0, 1, RenderTask.Reason.ALWAYS)), records.awaitRenderTasks(job, 1));
        send(
                Topics.LINKS,
                job,
                new LinksDiscovered(job, seed, 0, FetchOutcome.FETCHED, List.of("http://app.test/about")));
        assertEquals(
                new RenderTask(job, "http://app.test/about", 1, 1, RenderTask.Reason.ALWAYS),
                records.awaitRenderTasks(job, 2).get(1));
        assertEquals(List.of(), records.fetchTasks(job));
    }

    private void send(String topic, UUID job, Object event) {
        records.send(topic, job, event);
    }

    private List<FetchTask> awaitTasks(UUID job, int count) {
        return records.awaitTasks(job, count);
    }
}
