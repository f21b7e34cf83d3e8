package io.simplecrawler.fetcher.protocol;

import io.simplecrawler.crawlstate.StoppedCrawls;
import io.simplecrawler.fetcher.jobs.CrawlJob;
import io.simplecrawler.fetcher.jobs.JobCancelledException;
import io.simplecrawler.politeness.HostQueues;
import io.simplecrawler.politeness.HostSlot;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Every request of a job goes through here: it waits for its host's turn ({@link HostQueues}:
 * the job's concurrency, and the larger of its delay and the host's Crawl-delay), asks Redis
 * whether the job was cancelled right before it starts (invariant 6: also before each retry
 * and each redirect hop, which are requests of their own), and is retried by the
 * {@link RetryPolicy}. A retry waits on a timer, outside the host queue, so other requests to
 * the host and to other hosts go on meanwhile; a Retry-After holds the whole host.
 */
@Singleton
public class PoliteClient {
    private final HostQueues hostQueues;
    private final StoppedCrawls stoppedCrawls;
    private final PageDownloader downloader;
    private final RetryPolicy retryPolicy;

    public PoliteClient(
            HostQueues hostQueues, StoppedCrawls stoppedCrawls, PageDownloader downloader, RetryPolicy retryPolicy) {
        this.hostQueues = hostQueues;
        this.stoppedCrawls = stoppedCrawls;
        this.downloader = downloader;
        this.retryPolicy = retryPolicy;
    }

    /**
     * Requests a URL, retrying as the policy says. Completes with the last exchange, failed or
     * not; completes exceptionally only with a {@link JobCancelledException} or when Redis
     * cannot be asked.
     *
     * @param crawlDelayMs    the host's robots.txt Crawl-delay, or 0
     * @param followRedirects true only for robots.txt and sitemaps; pages follow hops themselves
     */
    public CompletableFuture<Exchange> request(
            CrawlJob job, URI uri, long crawlDelayMs, BodyLimit limit, boolean followRedirects) {
        Request request =
                new Request(job, uri, Math.max(job.settings().delayMs(), crawlDelayMs), limit, followRedirects);
        return attempt(request, 1, null);
    }

    private CompletableFuture<Exchange> attempt(Request request, int attempt, Instant firstStart) {
        return once(request).thenCompose(exchange -> {
            Instant startedAt = firstStart != null ? firstStart : exchange.startedAt();
            Optional<Duration> wait = retryPolicy.waitBeforeRetry(exchange, attempt);
            if (wait.isEmpty()) {
                return CompletableFuture.completedFuture(exchange.afterAttempts(attempt, startedAt));
            }
            RetryPolicy.retryAfter(exchange.download())
                    .ifPresent(after -> hostQueues.hold(request.uri().getHost(), after));
            Executor timer = CompletableFuture.delayedExecutor(wait.get().toMillis(), TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> request, timer)
                    .thenCompose(again -> attempt(again, attempt + 1, startedAt));
        });
    }

    private CompletableFuture<Exchange> once(Request request) {
        var settings = request.job().settings();
        return hostQueues
                .acquire(request.uri().getHost(), request.delayMs(), settings.concurrency())
                .thenCompose(slot -> stoppedCrawls
                        .isStoppedAsync(request.job().id())
                        .whenComplete((cancelled, error) -> {
                            if (error != null || cancelled) {
                                slot.release();
                            }
                        })
                        .thenCompose(cancelled -> {
                            if (cancelled) {
                                throw new JobCancelledException();
                            }
                            return send(request, slot);
                        }));
    }

    private CompletableFuture<Exchange> send(Request request, HostSlot slot) {
        Instant startedAt = Instant.now();
        long timeoutMs = request.job().settings().timeoutMs();
        CompletableFuture<Download> download = request.followRedirects()
                ? downloader.downloadFollowingRedirects(request.uri(), timeoutMs, request.limit())
                : downloader.download(request.uri(), timeoutMs, request.limit());
        slot.started();
        return download.handle((response, error) -> {
            slot.release();
            return new Exchange(response, error, 1, startedAt);
        });
    }

    private record Request(CrawlJob job, URI uri, long delayMs, BodyLimit limit, boolean followRedirects) {}
}
