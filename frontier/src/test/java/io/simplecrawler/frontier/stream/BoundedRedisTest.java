package io.simplecrawler.frontier.stream;

import static io.simplecrawler.frontier.stream.FrontierRecords.DEADLINE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.crawlstate.PublishedTasks;
import io.simplecrawler.crawlstate.RobotsCopies;
import io.simplecrawler.crawlstate.UrlClaims;
import io.simplecrawler.schemas.CrawlFinished;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobRejected;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.JobSubmitted;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Redis is bounded (issue 12, point 5): 50 jobs run to every terminal state on a Redis of this
 * test's own, with short retentions, and then nothing of them is left but the robots.txt copies,
 * which expire by their own time to live.
 */
@MicronautTest
class BoundedRedisTest extends OwnRedisFrontierTest {
    private static final Duration ROBOTS_TTL = Duration.ofHours(1);

    @Inject
    PublishedTasks published;

    @Inject
    UrlClaims claims;

    @Inject
    RobotsCopies robots;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("crawlstate.finished-crawl-retention", "1s", "crawlstate.stopped-crawl-retention", "3s");
    }

    @Test
    void everyKeyOfATerminalJobGoesAwayButTheRobotsCopies() {
        // empty once the marks of any earlier test's records this frontier replayed have expired
        await().atMost(DEADLINE).until(() -> redis.sync().dbsize() == 0L);

        List<UUID> completed = jobs(20);
        List<UUID> cancelled = jobs(15);
        List<UUID> failedByTheExporter = jobs(5);
        List<UUID> rejected = jobs(10);
        for (UUID job : concat(completed, cancelled, failedByTheExporter)) {
            records.submit(job, seed(job), 10, 1);
        }
        for (int i = 0; i < rejected.size(); i++) {
            UUID job = rejected.get(i);
            var settings = i % 2 == 0
                    ? new JobSettings("not a url", 10, 1, OutputFormat.MARKDOWN, 0, 4, 30_000)
                    : new JobSettings(
                            seed(job),
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
            records.send(Topics.JOBS, job, new JobSubmitted(job, settings, Instant.now()));
        }

        for (UUID job : concat(completed, cancelled)) {
            fetchSeed(job);
        }
        for (UUID job : cancelled) {
            records.send(Topics.JOBS, job, new JobCancelled(job, Instant.now()));
        }
        for (UUID job : failedByTheExporter) {
            records.awaitTasks(job, 1);
            records.send(Topics.JOBS, job, new JobCancelled(job, Instant.now())); // what JobFailures sends
        }
        for (UUID job : completed) {
            for (FetchTask child : children(job)) {
                settle(job, child, FetchOutcome.FETCHED);
            }
        }
        for (UUID job : cancelled) {
            // the first child's task settles cancelled; the second's is never settled (a fetcher lost it)
            settle(job, children(job).get(0), FetchOutcome.CANCELLED);
        }

        for (UUID job : completed) {
            assertEquals(3, records.awaitFact(job, CrawlFinished.class).total());
        }
        for (UUID job : rejected) {
            records.awaitFact(job, JobRejected.class);
        }
        await().atMost(DEADLINE).untilAsserted(() -> {
            long robotsCopies = redis.sync().keys("crawl:*:robots:*").size();
            assertEquals(
                    completed.size() + cancelled.size(), robotsCopies, "robots.txt copies expire by their own TTL");
            assertEquals(
                    0L,
                    redis.sync().dbsize() - robotsCopies,
                    () -> "left: " + redis.sync().keys("*"));
        });
    }

    /** What a fetcher does with a seed task: robots.txt copy, a redirect claim, two links, the published mark. */
    private void fetchSeed(UUID job) {
        records.awaitTasks(job, 1);
        String seed = seed(job);
        robots.save(job, "http://" + job + ".test:80", "{}", ROBOTS_TTL).join();
        claims.claim(job, seed + "home", seed).join();
        records.send(
                Topics.LINKS,
                job,
                new LinksDiscovered(job, seed, 0, FetchOutcome.FETCHED, List.of(seed + "a", seed + "b")));
        published.add(job, seed).join();
    }

    private List<FetchTask> children(UUID job) {
        return records.awaitTasks(job, 3).stream()
                .filter(task -> task.depth() == 1)
                .sorted((a, b) -> a.url().compareTo(b.url()))
                .toList();
    }

    private void settle(UUID job, FetchTask task, FetchOutcome outcome) {
        records.send(Topics.LINKS, job, new LinksDiscovered(job, task.url(), 1, outcome, List.of()));
        published.add(job, task.url()).join();
    }

    private static String seed(UUID job) {
        return "http://" + job + ".test/";
    }

    private static List<UUID> jobs(int count) {
        List<UUID> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(UUID.randomUUID());
        }
        return jobs;
    }

    @SafeVarargs
    private static List<UUID> concat(List<UUID>... lists) {
        List<UUID> all = new ArrayList<>();
        for (List<UUID> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
