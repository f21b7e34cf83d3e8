package io.simplecrawler.fetcher.fetch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.fetcher.FetchTasks;
import io.simplecrawler.fetcher.RunningFetcherTest;
import io.simplecrawler.schemas.ContentOptions;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.RenderMode;
import io.simplecrawler.schemas.RenderTask;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestSite;
import io.simplecrawler.testkit.TopicReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * render "auto" in the fetcher: an application shell is handed to crawl.render (reason SHELL,
 * keyed by host) and gets no page or links record of the fetcher's, while a plain page settles
 * here; a job that never renders keeps its shells as plain pages.
 */
@MicronautTest
class RenderAutoTest extends RunningFetcherTest {
    private static final String SHELL =
            """
            <!doctype html><html><head><title>App</title><script defer src="/app.js"></script></head>
            <body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>""";
    private static final String ARTICLE = "<!doctype html><html><head><title>Article</title>"
            + "<script src=\"/analytics.js\"></script></head><body><article><h1>An article</h1><p>"
            + "Every word of this article is written on the server, ".repeat(10)
            + "</p></article></body></html>";

    @Test
    void aShellGoesToTheRenderersAndAPlainPageSettlesHere() {
        try (TopicReader render = new TopicReader(TestKafka.bootstrapServers(), Topics.RENDER);
                TestSite site = site()) {
            UUID job = tasks.job(settings(site, RenderMode.AUTO));
            tasks.fetch(job, site.url("/app"), 1);
            tasks.fetch(job, site.url("/article"), 1);

            RenderTask task = await().atMost(FetchTasks.DEADLINE)
                    .until(
                            () -> render.values(Topics.RENDER, RenderTask.class).stream()
                                    .filter(t -> job.equals(t.jobId()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertEquals(new RenderTask(job, site.url("/app"), 1, 1, RenderTask.Reason.SHELL), task);
            String host = URI.create(site.url("/")).getHost();
            assertEquals(
                    List.of(task),
                    render.values(Topics.RENDER, host, RenderTask.class).stream()
                            .filter(t -> job.equals(t.jobId()))
                            .toList(),
                    "keyed by host");
            PageRecord article = tasks.awaitPages(job, 1).get(site.url("/article"));
            assertEquals(FetchOutcome.FETCHED, article.outcome());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> tasks.pages(job).stream()
                    .noneMatch(p -> p.url().equals(site.url("/app"))));
            assertEquals(
                    Set.of(site.url("/article")),
                    tasks.awaitLinks(job, 1).keySet(),
                    "the shell is settled by its renderer, not here");
        }
    }

    @Test
    void aJobThatNeverRendersKeepsTheShellAsAPlainPage() {
        try (TestSite site = site()) {
            UUID job = tasks.job(settings(site, RenderMode.NEVER));
            tasks.fetch(job, site.url("/app"), 1);

            PageRecord shell = tasks.awaitPages(job, 1).get(site.url("/app"));
            assertEquals(FetchOutcome.FETCHED, shell.outcome());
            assertTrue(shell.text().contains("enable JavaScript"), shell.text());
        }
    }

    private static TestSite site() {
        return TestSite.tree(1, 1)
                .resource("/app", 200, "text/html; charset=utf-8", SHELL)
                .resource("/article", 200, "text/html; charset=utf-8", ARTICLE)
                .start();
    }

    private static JobSettings settings(TestSite site, RenderMode render) {
        return new JobSettings(
                site.url("/"),
                100,
                3,
                OutputFormat.MARKDOWN,
                0,
                2,
                5_000,
                List.of(),
                List.of(),
                false,
                false,
                false,
                false,
                JobSettings.DEFAULT_MAX_BYTES,
                false,
                ContentOptions.NONE,
                render,
                null,
                false);
    }
}
