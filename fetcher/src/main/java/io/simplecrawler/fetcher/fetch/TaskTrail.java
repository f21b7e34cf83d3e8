package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.fetcher.archive.ExchangeCapture;
import io.simplecrawler.fetcher.protocol.DecodedBody;
import io.simplecrawler.fetcher.protocol.Download;
import io.simplecrawler.fetcher.protocol.Exchange;
import io.simplecrawler.pageparse.ParsedPage;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.PageRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One task on its way through redirects, and the page record it ends in. The record is always
 * under the task's URL (which the exporter and the frontier count by) with {@code finalUrl} the
 * last URL reached and {@code redirects} the hops; its time runs from the first request's start.
 * Not thread-safe: a task's steps run one after the other.
 */
final class TaskTrail {
    private final FetchTask task;
    private final boolean captureExchanges;
    private final List<Download> answers = new ArrayList<>();
    private final List<String> redirects = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();
    private URI current;
    private Instant startedAt;
    private int attempts;
    private boolean applicationShell;

    TaskTrail(FetchTask task, URI uri, boolean captureExchanges) {
        this.task = task;
        this.current = uri;
        this.captureExchanges = captureExchanges;
        visited.add(task.url());
    }

    FetchTask task() {
        return task;
    }

    /** The URL to request next. */
    URI current() {
        return current;
    }

    int redirectCount() {
        return redirects.size();
    }

    boolean hasVisited(String url) {
        return visited.contains(url);
    }

    void answered(Exchange exchange) {
        startedAt = startedAt == null ? exchange.startedAt() : startedAt;
        attempts = exchange.attempts();
        if (exchange.download() != null) {
            answers.add(exchange.download());
        }
    }

    void follow(String url) {
        redirects.add(url);
        visited.add(url);
        current = URI.create(url);
    }

    /** "a -> b -> a" */
    String path(String next) {
        List<String> hops = new ArrayList<>();
        hops.add(task.url());
        hops.addAll(redirects);
        hops.add(next);
        return String.join(" -> ", hops);
    }

    /** Whether the task ended on a fetched page that looks like an application shell. */
    boolean endedOnApplicationShell() {
        return applicationShell;
    }

    /** " (3 attempts)" after an error that retries did not cure. */
    String attemptsNote() {
        return attempts > 1 ? " (" + attempts + " attempts)" : "";
    }

    PageRecord cancelled() {
        return record(FetchOutcome.CANCELLED, "job cancelled");
    }

    PageRecord blocked(String why) {
        return record(FetchOutcome.BLOCKED, why);
    }

    PageRecord failed(String error) {
        return record(FetchOutcome.FAILED, error);
    }

    PageRecord skipped(String why) {
        return record(FetchOutcome.SKIPPED, why);
    }

    PageRecord duplicate(String why) {
        return record(FetchOutcome.DUPLICATE, why);
    }

    /**
     * @param canonicalUrl the page's canonical URL in normal form when it is not the final URL, else null
     */
    PageRecord fetched(DecodedBody body, ParsedPage page, String canonicalUrl) {
        applicationShell = page.applicationShell();
        Download last = lastAnswer();
        return page.describe(PageRecord.of(task.jobId(), task.url(), task.depth(), FetchOutcome.FETCHED))
                .finalUrl(current.toString())
                .status(last.status())
                .contentType(last.header("Content-Type").orElse(null))
                .fetchedAt(fetchedAt())
                .fetchMs(fetchMs())
                .bytes(body.bytes().length)
                .truncated(body.truncated() ? Boolean.TRUE : null)
                .redirects(redirectsOrNull())
                .canonicalUrl(canonicalUrl)
                .exchanges(capture(true))
                .build();
    }

    private PageRecord record(FetchOutcome outcome, String error) {
        Download last = lastAnswer();
        return PageRecord.of(task.jobId(), task.url(), task.depth(), outcome)
                .finalUrl(current.toString())
                .status(last == null ? 0 : last.status())
                .contentType(last == null ? null : last.header("Content-Type").orElse(null))
                .fetchedAt(fetchedAt())
                .fetchMs(fetchMs())
                .links(List.of())
                .error(error)
                .redirects(redirectsOrNull())
                .exchanges(capture(false))
                .build();
    }

    private Download lastAnswer() {
        return answers.isEmpty() ? null : answers.get(answers.size() - 1);
    }

    private List<String> redirectsOrNull() {
        return redirects.isEmpty() ? null : List.copyOf(redirects);
    }

    private Instant fetchedAt() {
        return startedAt != null ? startedAt : Instant.now();
    }

    private long fetchMs() {
        return startedAt == null
                ? 0
                : Math.max(0, Duration.between(startedAt, Instant.now()).toMillis());
    }

    private List<io.simplecrawler.schemas.CapturedExchange> capture(boolean bodyRead) {
        return captureExchanges && !answers.isEmpty() ? ExchangeCapture.of(HopResponses.of(answers), bodyRead) : null;
    }
}
