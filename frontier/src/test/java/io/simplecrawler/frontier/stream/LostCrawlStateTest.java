package io.simplecrawler.frontier.stream;

import static io.simplecrawler.frontier.stream.FrontierRecords.DEADLINE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.frontier.crawl.CrawlFrontier;
import io.simplecrawler.schemas.CrawlFinished;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobRejected;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Redis emptied mid-crawl (issue 12, point 5): a job whose state vanished ends failed with the
 * reason, once, instead of waiting for ever; a late record of a crawl the frontier stopped itself
 * changes nothing.
 */
@MicronautTest
class LostCrawlStateTest extends OwnRedisFrontierTest {
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("crawlstate.finished-crawl-retention", "1s", "crawlstate.stopped-crawl-retention", "1h");
    }

    @Test
    void aJobWhoseStateRedisLostMidCrawlFailsOnceWithTheReason() {
        UUID job = UUID.randomUUID();
        String seed = "http://flushed.test/";
        records.submit(job, seed, 10, 1);
        records.awaitTasks(job, 1);
        records.send(
                Topics.LINKS,
                job,
                new LinksDiscovered(job, seed, 0, FetchOutcome.FETCHED, List.of(seed + "a", seed + "b")));
        records.awaitTasks(job, 3);

        redis.sync().flushall();
        records.send(
                Topics.LINKS, job, new LinksDiscovered(job, seed + "a", 1, FetchOutcome.FETCHED, List.of(seed + "c")));
        records.send(Topics.LINKS, job, new LinksDiscovered(job, seed + "b", 1, FetchOutcome.CANCELLED, List.of()));

        JobRejected failed = records.awaitFact(job, JobRejected.class);
        assertEquals(CrawlFrontier.STATE_LOST, failed.reason());
        assertTrue(redis.sync().exists(JobKeys.stopped(job)) == 1L, "fetchers start no more requests of the job");
        await().during(QUIET).atMost(QUIET.plus(DEADLINE)).untilAsserted(() -> {
            assertEquals(1, records.facts(job, JobRejected.class).size(), "it fails once");
            assertEquals(List.of(), records.facts(job, CrawlFinished.class));
            assertEquals(3, records.awaitTasks(job, 3).size(), "nothing admitted without the job's state");
        });
        DeadLetter letter = await().atMost(DEADLINE)
                .until(
                        () -> records.deadLetters().stream()
                                .filter(l -> job.toString().equals(l.key()))
                                .toList(),
                        l -> !l.isEmpty())
                .get(0);
        assertTrue(letter.reason().contains(CrawlFrontier.STATE_LOST), letter.reason());
    }

    @Test
    void aLateRecordOfAFinishedCrawlChangesNothing() {
        UUID job = UUID.randomUUID();
        String seed = "http://finished.test/";
        records.submit(job, seed, 10, 1);
        records.settleSeedAndChildren(job, seed, List.of(seed + "a"));
        assertEquals(2, records.awaitFact(job, CrawlFinished.class).total());
        await().atMost(DEADLINE).until(() -> redis.sync().exists(JobKeys.admitted(job)) == 0L);

        records.send(
                Topics.LINKS,
                job,
                new LinksDiscovered(job, seed, 0, FetchOutcome.FETCHED, List.of(seed + "a", seed + "b")));

        await().during(QUIET).atMost(QUIET.plus(DEADLINE)).untilAsserted(() -> {
            assertEquals(List.of(), records.facts(job, JobRejected.class));
            assertEquals(1, records.facts(job, CrawlFinished.class).size());
            assertEquals(2, records.awaitTasks(job, 2).size());
            assertEquals(
                    List.of(),
                    records.deadLetters().stream()
                            .filter(l -> job.toString().equals(l.key()))
                            .toList());
        });
    }

    @Test
    void aSubmissionOfACancelledJobStartsNothing() {
        UUID job = UUID.randomUUID();
        String seed = "http://resubmitted.test/";
        records.submit(job, seed, 10, 1);
        records.awaitTasks(job, 1);
        records.send(Topics.JOBS, job, new JobCancelled(job, Instant.now()));
        await().atMost(DEADLINE).until(() -> redis.sync().exists(JobKeys.stopped(job)) == 1L);

        records.submit(job, seed, 10, 1); // the outbox relay or a replay sends it again

        await().during(QUIET)
                .atMost(QUIET.plus(DEADLINE))
                .untilAsserted(() -> assertEquals(1, records.awaitTasks(job, 1).size()));
    }
}
