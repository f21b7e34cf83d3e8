package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.crawlstate.PublishedTasks;
import io.simplecrawler.fetcher.jobs.CrawlJob;
import io.simplecrawler.fetcher.jobs.JobSettingsCache;
import io.simplecrawler.fetcher.protocol.FetchFailure;
import io.simplecrawler.fetcher.robots.RobotsRules;
import io.simplecrawler.fetcher.sitemap.SitemapLinks;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.RenderMode;
import io.simplecrawler.schemas.RenderTask;
import io.simplecrawler.settlement.Settlement;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles one fetch task: looks up the job, skips a task whose records were already published,
 * fetches the page ({@link PageFetcher}) and, for the seed of a job with useSitemap, reads the
 * site's sitemaps. A failed fetch is data (a page record), not an exception; the returned future
 * fails only when Redis cannot be asked, so that the task is tried again rather than settled wrongly.
 */
@Singleton
public class TaskSettler {
    private static final Logger LOG = LoggerFactory.getLogger(TaskSettler.class);

    private final JobSettingsCache jobs;
    private final PublishedTasks publishedTasks;
    private final PageFetcher pageFetcher;
    private final RobotsRules robots;
    private final SitemapLinks sitemaps;
    private final FetchMetrics metrics;

    public TaskSettler(
            JobSettingsCache jobs,
            PublishedTasks publishedTasks,
            PageFetcher pageFetcher,
            RobotsRules robots,
            SitemapLinks sitemaps,
            FetchMetrics metrics) {
        this.jobs = jobs;
        this.publishedTasks = publishedTasks;
        this.pageFetcher = pageFetcher;
        this.robots = robots;
        this.sitemaps = sitemaps;
        this.metrics = metrics;
    }

    /**
     * Empty when the task was settled and published before (a redelivery): there is nothing to do;
     * unless the frontier re-emitted it for a stalled job ({@link FetchTask#isRedriven()}), whose
     * stall may be a settlement that was lost after the records were published.
     */
    public CompletableFuture<Optional<Settlement>> settle(FetchTask task) {
        URI uri = httpUri(task.url());
        if (uri == null) {
            return settled(task, unattempted(task, FetchOutcome.FAILED, "not an absolute http(s) URL"));
        }
        return jobs.get(task.jobId())
                .thenCompose(job -> job.isPresent()
                        ? publishedTasks
                                .contains(task.jobId(), task.url())
                                .thenCompose(published -> published && !task.isRedriven()
                                        ? CompletableFuture.completedFuture(Optional.<Settlement>empty())
                                        : fetch(job.get(), task, uri).thenApply(Optional::of))
                        : settled(task, unattempted(task, FetchOutcome.CANCELLED, "job settings not found")))
                .exceptionallyCompose(error -> unusableSettings(task, error))
                .whenComplete((settlement, error) -> settlement.ifPresent(s -> {
                    metrics.record(s.page());
                    log(task, s);
                }));
    }

    /** Remembers that the task's records are on their topics, so that a redelivery is dropped. */
    public CompletableFuture<Void> published(FetchTask task) {
        return publishedTasks.add(task.jobId(), task.url());
    }

    /** A shell page of a render "auto" job goes to the renderers; any other settles here. */
    private CompletableFuture<Settlement> fetch(CrawlJob job, FetchTask task, URI uri) {
        boolean auto = job.settings().render() == RenderMode.AUTO;
        return pageFetcher
                .fetch(job, task, uri)
                .thenCompose(fetched -> auto && fetched.applicationShell()
                        ? CompletableFuture.completedFuture(Settlement.handedToRenderer(
                                fetched.page(), RenderTask.of(task, RenderTask.Reason.SHELL)))
                        : withSitemap(job, task, uri, fetched.page()));
    }

    private CompletableFuture<Settlement> withSitemap(CrawlJob job, FetchTask task, URI uri, PageRecord page) {
        if (task.depth() != 0 || !job.settings().useSitemap() || page.outcome() == FetchOutcome.CANCELLED) {
            return CompletableFuture.completedFuture(new Settlement(page, null));
        }
        return robots.forUrl(job, uri)
                .thenCompose(rules -> sitemaps.of(job, uri, rules))
                .exceptionally(error -> {
                    LOG.info(
                            "No sitemap links for {}: {}",
                            task.url(),
                            FetchFailure.unwrap(error).toString());
                    return List.of();
                })
                .thenApply(links -> new Settlement(page, links));
    }

    /** Unreadable or scope-less settings are the frontier's bug: settle the task as failed rather than retry it forever. */
    private static CompletableFuture<Optional<Settlement>> unusableSettings(FetchTask task, Throwable error) {
        Throwable cause = FetchFailure.unwrap(error);
        if (cause instanceof MalformedEventException || cause instanceof IllegalArgumentException) {
            return settled(
                    task, unattempted(task, FetchOutcome.FAILED, "unusable job settings: " + cause.getMessage()));
        }
        return CompletableFuture.failedFuture(
                error instanceof CompletionException ? error : new CompletionException(error));
    }

    /** The settlement of a task that could not be processed, so that its job still finishes. */
    public static Settlement failed(FetchTask task, String error) {
        return new Settlement(unattempted(task, FetchOutcome.FAILED, error), null);
    }

    private static CompletableFuture<Optional<Settlement>> settled(FetchTask task, PageRecord page) {
        return CompletableFuture.completedFuture(Optional.of(new Settlement(page, null)));
    }

    private static PageRecord unattempted(FetchTask task, FetchOutcome outcome, String error) {
        return PageRecord.of(task.jobId(), task.url(), task.depth(), outcome)
                .finalUrl(task.url())
                .fetchedAt(Instant.now())
                .links(List.of())
                .error(error)
                .build();
    }

    private static void log(FetchTask task, Settlement settlement) {
        PageRecord page = settlement.page();
        try (var context = TaskLogContext.of(task)) {
            if (settlement.isHandedToRenderer()) {
                LOG.info("Sent {} to the renderers: its page is an application shell (render auto)", page.url());
                return;
            }
            switch (page.outcome()) {
                case FETCHED -> LOG.info(
                        "Fetched {} with status {} in {} ms", page.url(), page.status(), page.fetchMs());
                case FAILED -> LOG.info("Failed to fetch {}: {}", page.url(), page.error());
                default -> LOG.info("Did not fetch {} ({}): {}", page.url(), page.outcome(), page.error());
            }
        }
    }

    private static URI httpUri(String url) {
        try {
            URI uri = url == null ? null : new URI(url);
            boolean http = uri != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
            return http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
