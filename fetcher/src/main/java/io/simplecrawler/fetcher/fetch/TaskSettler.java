package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.fetcher.jobs.CancelledJobs;
import io.simplecrawler.fetcher.jobs.JobSettingsCache;
import io.simplecrawler.fetcher.parse.PageParser;
import io.simplecrawler.fetcher.parse.ParsedPage;
import io.simplecrawler.fetcher.politeness.HostQueues;
import io.simplecrawler.fetcher.politeness.HostSlot;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles one fetch task: looks up the job, waits for the host's turn, checks that the job was
 * not cancelled meanwhile, fetches and parses. A failed fetch is data (a FAILED record), not
 * an exception; the returned future fails only when Redis cannot be asked, so that the batch
 * is retried rather than settled wrongly.
 */
@Singleton
public class TaskSettler {
    private static final Logger LOG = LoggerFactory.getLogger(TaskSettler.class);

    private final JobSettingsCache jobSettings;
    private final CancelledJobs cancelledJobs;
    private final HostQueues hostQueues;
    private final PageDownloader downloader;
    private final PageParser parser;
    private final FetchMetrics metrics;
    private final ExecutorService parseExecutor;

    public TaskSettler(JobSettingsCache jobSettings, CancelledJobs cancelledJobs, HostQueues hostQueues,
                       PageDownloader downloader, PageParser parser, FetchMetrics metrics,
                       @Named("parse") ExecutorService parseExecutor) {
        this.jobSettings = jobSettings;
        this.cancelledJobs = cancelledJobs;
        this.hostQueues = hostQueues;
        this.downloader = downloader;
        this.parser = parser;
        this.metrics = metrics;
        this.parseExecutor = parseExecutor;
    }

    public CompletableFuture<PageRecord> settle(FetchTask task) {
        URI uri = httpUri(task.url());
        CompletableFuture<PageRecord> page = uri == null
                ? CompletableFuture.completedFuture(PageRecords.unanswered(task, Instant.now(), 0, "not an absolute http(s) URL"))
                : jobSettings.get(task.jobId())
                        .thenCompose(settings -> settings.isPresent()
                                ? fetchPolitely(task, uri, settings.get())
                                : CompletableFuture.completedFuture(PageRecords.cancelled(task, "job settings not found")))
                        .exceptionally(error -> unreadableSettings(task, error));
        return page.whenComplete((settled, error) -> {
            if (settled != null) {
                metrics.record(settled);
                log(task, settled);
            }
        });
    }

    private CompletableFuture<PageRecord> fetchPolitely(FetchTask task, URI uri, JobSettings settings) {
        return hostQueues.acquire(uri.getHost(), settings.delayMs(), settings.concurrency())
                .thenCompose(slot -> cancelledJobs.contains(task.jobId())
                        .whenComplete((cancelled, error) -> {
                            if (error != null || cancelled) {
                                slot.release();
                            }
                        })
                        .thenCompose(cancelled -> cancelled
                                ? CompletableFuture.completedFuture(PageRecords.cancelled(task, "job cancelled"))
                                : fetch(task, uri, settings, slot)));
    }

    private CompletableFuture<PageRecord> fetch(FetchTask task, URI uri, JobSettings settings, HostSlot slot) {
        long timeoutMs = settings.timeoutMs();
        Instant fetchedAt = Instant.now();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> exchange = downloader.download(uri, timeoutMs);
        slot.started();
        exchange.whenComplete((response, error) -> slot.release());
        return exchange
                .thenApplyAsync(response -> {
                    ParsedPage page = parseIfHtml(response, settings);
                    return PageRecords.answered(task, response, fetchedAt, millisSince(started), page, settings.warc());
                }, parseExecutor)
                .exceptionally(error -> {
                    if (!FetchFailure.isExpected(error)) {
                        try (var context = TaskLogContext.of(task)) {
                            LOG.warn("Unexpected failure fetching {}", task.url(), error);
                        }
                    }
                    return PageRecords.unanswered(task, fetchedAt, millisSince(started), FetchFailure.describe(error, timeoutMs));
                });
    }

    private ParsedPage parseIfHtml(HttpResponse<byte[]> response, JobSettings settings) {
        ContentType type = ContentType.of(response.headers().firstValue("Content-Type").orElse(null));
        if (!PageRecords.isSuccess(response.statusCode()) || !type.isHtml()) {
            return null;
        }
        return parser.parse(response.body(), type.charset(), response.uri().toString(), settings.format());
    }

    /** Unreadable settings are the frontier's bug: settle the task as failed rather than retry it forever. */
    private static PageRecord unreadableSettings(FetchTask task, Throwable error) {
        Throwable cause = FetchFailure.unwrap(error);
        if (cause instanceof MalformedEventException) {
            return PageRecords.unanswered(task, Instant.now(), 0, "unreadable job settings: " + cause.getMessage());
        }
        throw error instanceof CompletionException completion ? completion : new CompletionException(error);
    }

    private static void log(FetchTask task, PageRecord page) {
        try (var context = TaskLogContext.of(task)) {
            if (page.outcome() == FetchOutcome.FETCHED) {
                LOG.info("Fetched {} with status {} in {} ms", page.url(), page.status(), page.fetchMs());
            } else if (page.outcome() == FetchOutcome.FAILED) {
                LOG.info("Failed to fetch {}: {}", page.url(), page.error());
            } else {
                LOG.info("Did not fetch {}: {}", page.url(), page.error());
            }
        }
    }

    private static URI httpUri(String url) {
        try {
            URI uri = url == null ? null : new URI(url);
            boolean http = uri != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
            return http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
