package io.simplecrawler.fetcher.kafka;

import static io.simplecrawler.fetcher.FetchTasks.DEADLINE;
import static io.simplecrawler.fetcher.FetchTasks.settings;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.crawlstate.TasksHeld;
import io.simplecrawler.fetcher.RunningFetcherTest;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.testkit.SiteRoutes;
import io.simplecrawler.testkit.TestSite;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A fetcher tells, per job, how many tasks it holds and when it last settled one: where a stalled job's work sits. */
@MicronautTest
class HeldTasksTest extends RunningFetcherTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("fetcher.held-tasks-report-interval", "100ms");
    }

    @Test
    void aTaskWaitingForItsPageIsReportedHeldUntilItSettles() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        try (TestSite site = TestSite.tree(1, 1)
                .route("/held", exchange -> {
                    try {
                        answer.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    SiteRoutes.html(SiteRoutes.page("Held")).handle(exchange);
                })
                .start()) {
            UUID job = tasks.job(settings(site, 0, 2, 30_000));
            tasks.fetch(job, site.url("/held"));

            TasksHeld held = await().atMost(DEADLINE)
                    .until(
                            () -> reports(job),
                            reports -> reports.size() == 1 && reports.get(0).tasks() == 1)
                    .get(0);
            assertEquals(null, held.lastSettledAt(), "nothing settled yet");

            answer.countDown();
            assertEquals(
                    FetchOutcome.FETCHED,
                    tasks.awaitPages(job, 1).get(site.url("/held")).outcome());
            await().atMost(DEADLINE)
                    .until(
                            () -> reports(job),
                            reports -> reports.size() == 1
                                    && reports.get(0).tasks() == 0
                                    && reports.get(0).lastSettledAt() != null);
            long ttl = redis.sync().ttl(JobKeys.tasksHeld(job));
            assertEquals(true, ttl > 0 && ttl <= 30, "the report expires unless renewed: " + ttl);
        }
    }

    private List<TasksHeld> reports(UUID job) {
        return redis.sync().hgetall(JobKeys.tasksHeld(job)).values().stream()
                .map(json -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), TasksHeld.class))
                .toList();
    }
}
