package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.crawlscope.CrawlScope;
import io.simplecrawler.crawlstate.UrlClaims;
import io.simplecrawler.fetcher.FetcherConfiguration;
import io.simplecrawler.fetcher.jobs.CrawlJob;
import io.simplecrawler.fetcher.jobs.JobCancelledException;
import io.simplecrawler.fetcher.protocol.BodyLimit;
import io.simplecrawler.fetcher.protocol.ContentType;
import io.simplecrawler.fetcher.protocol.DecodedBody;
import io.simplecrawler.fetcher.protocol.Download;
import io.simplecrawler.fetcher.protocol.Exchange;
import io.simplecrawler.fetcher.protocol.FetchFailure;
import io.simplecrawler.fetcher.protocol.PoliteClient;
import io.simplecrawler.fetcher.robots.RobotsRules;
import io.simplecrawler.pageparse.PageParser;
import io.simplecrawler.pageparse.ParsedPage;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one task's page: each URL on the way (the task's, then up to {@value #MAX_REDIRECTS}
 * redirect targets, followed here rather than by the HTTP client) is checked against robots.txt
 * before it is requested, and each redirect target against the job's scope and the job's other
 * pages (a target the job has under another task is not fetched again). A 2xx HTML or XHTML answer
 * is decoded, cut at the job's maxBytes and parsed; anything else settles without parsing.
 */
@Singleton
public class PageFetcher {
    static final int MAX_REDIRECTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PageFetcher.class);

    private final PoliteClient client;
    private final RobotsRules robots;
    private final UrlClaims claims;
    private final PageParser parser;
    private final ExecutorService parseExecutor;
    private final ParseMemory parseMemory;
    private final ParseBacklog parseBacklog;
    private final long maxBodyBytes;

    public PageFetcher(
            PoliteClient client,
            RobotsRules robots,
            UrlClaims claims,
            PageParser parser,
            @Named("parse") ExecutorService parseExecutor,
            ParseMemory parseMemory,
            ParseBacklog parseBacklog,
            FetcherConfiguration configuration) {
        this.client = client;
        this.robots = robots;
        this.claims = claims;
        this.parser = parser;
        this.parseExecutor = parseExecutor;
        this.parseMemory = parseMemory;
        this.parseBacklog = parseBacklog;
        this.maxBodyBytes = configuration.maxBodyBytes();
    }

    /**
     * Never fails for what a site does (that is a page record); fails only when Redis cannot
     * be asked, so that the task is tried again rather than settled wrongly.
     */
    CompletableFuture<FetchedPage> fetch(CrawlJob job, FetchTask task, URI uri) {
        TaskTrail trail = new TaskTrail(task, uri, job.settings().warc());
        return parseBacklog
                .roomToDownload()
                .thenCompose(turn -> turn.during(() -> request(job, trail, turn)))
                .thenApply(page -> new FetchedPage(page, trail.endedOnApplicationShell()))
                .exceptionally(error -> {
                    if (FetchFailure.unwrap(error) instanceof JobCancelledException) {
                        return new FetchedPage(trail.cancelled(), false);
                    }
                    throw error instanceof CompletionException completion ? completion : new CompletionException(error);
                });
    }

    private CompletableFuture<PageRecord> request(CrawlJob job, TaskTrail trail, ParseBacklog.Turn turn) {
        URI uri = trail.current();
        return robots.forUrl(job, uri).thenCompose(rules -> {
            if (!rules.allows(uri.toString())) {
                return done(trail.blocked(rules.whyBlocked()));
            }
            long limit = Math.min(job.settings().maxBytes(), maxBodyBytes);
            return client.request(job, uri, rules.crawlDelayMs(), BodyLimit.htmlUpTo(limit), false)
                    .thenCompose(exchange -> answered(job, trail, exchange, limit, turn));
        });
    }

    private CompletableFuture<PageRecord> answered(
            CrawlJob job, TaskTrail trail, Exchange exchange, long limit, ParseBacklog.Turn turn) {
        trail.answered(exchange);
        Download download = exchange.download();
        if (download == null) {
            Throwable failure = exchange.failure();
            if (FetchFailure.isDenied(failure)) {
                return done(trail.blocked(
                        FetchFailure.describe(failure, job.settings().timeoutMs())));
            }
            if (!FetchFailure.isExpected(failure)) {
                LOG.warn("Unexpected failure fetching {}", trail.current(), failure);
            }
            return done(
                    trail.failed(FetchFailure.describe(failure, job.settings().timeoutMs()) + trail.attemptsNote()));
        }
        if (download.isRedirect()) {
            return redirected(job, trail, download, turn);
        }
        if (!download.isSuccess()) {
            return done(trail.failed("HTTP " + download.status() + trail.attemptsNote()));
        }
        ContentType type = download.contentType();
        if (!type.isHtml()) {
            return done(
                    trail.skipped("not HTML: " + (type.mediaType().isEmpty() ? "no Content-Type" : type.mediaType())));
        }
        turn.parsing();
        return CompletableFuture.supplyAsync(() -> parse(job, trail, download, type, limit), parseExecutor)
                .whenComplete((page, error) -> turn.close())
                .thenCompose(page -> page.canonicalUrl() == null
                        ? done(page)
                        : claims.claim(
                                        job.id(),
                                        page.canonicalUrl(),
                                        trail.task().url())
                                .thenApply(claimed -> page));
    }

    private PageRecord parse(CrawlJob job, TaskTrail trail, Download download, ContentType type, long limit) {
        String finalUrl = trail.current().toString();
        DecodedBody body;
        ParsedPage page;
        // reserved before decoding: a compressed body inflates to up to the limit
        try (ParseMemory.Lease room = parseMemory.reserve(download.decodedSizeBound(limit))) {
            try {
                body = download.decodedBody(limit);
            } catch (IOException e) {
                return trail.failed("unreadable body: " + e.getMessage());
            }
            page = parser.parse(
                    body.bytes(),
                    type.charset(),
                    finalUrl,
                    job.settings().format(),
                    job.settings().content());
        } catch (RuntimeException e) {
            LOG.warn("Could not parse {}", finalUrl, e);
            return trail.failed("could not parse the page: " + e);
        }
        String canonical = Optional.ofNullable(page.canonical())
                .flatMap(CrawlScope::normalise)
                .filter(url -> !url.equals(finalUrl) && job.scope().judge(url) == CrawlScope.Verdict.IN_SCOPE)
                .orElse(null);
        return trail.fetched(body, page, canonical);
    }

    private CompletableFuture<PageRecord> redirected(
            CrawlJob job, TaskTrail trail, Download download, ParseBacklog.Turn turn) {
        String location = download.header("Location").orElseThrow();
        Optional<String> target = resolve(download.uri(), location).flatMap(CrawlScope::normalise);
        if (target.isEmpty()) {
            return done(trail.failed("HTTP " + download.status() + " to an invalid URL: " + location));
        }
        String next = target.get();
        if (trail.hasVisited(next)) {
            return done(trail.failed("redirect loop: " + trail.path(next)));
        }
        if (trail.redirectCount() >= MAX_REDIRECTS) {
            return done(trail.failed("more than " + MAX_REDIRECTS + " redirects: " + trail.path(next)));
        }
        trail.follow(next);
        if (job.scope().judge(next) != CrawlScope.Verdict.IN_SCOPE) {
            return done(trail.skipped("redirects out of the job's scope to " + next));
        }
        return claims.claim(job.id(), next, trail.task().url())
                .thenCompose(claimed -> claimed
                        ? request(job, trail, turn)
                        : done(trail.duplicate("redirects to " + next + ", which the job fetches under another URL")));
    }

    private static Optional<String> resolve(URI base, String location) {
        try {
            return Optional.of(base.resolve(location.strip()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static CompletableFuture<PageRecord> done(PageRecord page) {
        return CompletableFuture.completedFuture(page);
    }
}
