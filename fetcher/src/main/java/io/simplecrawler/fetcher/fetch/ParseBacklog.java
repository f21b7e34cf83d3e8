package io.simplecrawler.fetcher.fetch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.simplecrawler.fetcher.FetcherConfiguration;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Keeps downloads from running ahead of parsing. Pages on loopback or a fast network download in
 * a millisecond and parse in several, so without a gate hundreds of downloaded pages would wait
 * for a parse thread: held in memory, and late on {@code crawl.pages} by seconds. A download may
 * start while fewer than {@code maxParseBacklog} pages wait for or are in a parse; beyond that it
 * waits here (asynchronously, holding no host slot), first come first served. Downloads in flight
 * are not counted, so a slow site still gets the job's whole concurrency.
 *
 * <p>A download let in from the queue holds a place ({@code reserved}) until it either becomes a
 * page to parse or ends without one (a redirect, a 404, a non-HTML answer, a failure, robots).
 * Every {@link Turn#close()} re-checks the queue, so the place of a download that was not parsed
 * passes to the next one: whenever downloads wait, {@code pages + reserved >= limit}, and each
 * place frees exactly once, so no wake-up can be lost whatever a download's outcome.
 */
@Singleton
public class ParseBacklog {
    private final int limit;
    private final Queue<CompletableFuture<Turn>> waiting = new ArrayDeque<>();
    private int pages;
    private int reserved;

    public ParseBacklog(FetcherConfiguration configuration, MeterRegistry registry) {
        this.limit = configuration.maxParseBacklog();
        Gauge.builder("simplecrawler.fetcher.parse.backlog.pages", this, backlog -> backlog.count(true))
                .description("Downloaded pages waiting for or in a parse")
                .register(registry);
        Gauge.builder("simplecrawler.fetcher.downloads.waiting", this, backlog -> backlog.count(false))
                .description("Downloads waiting for the parse backlog to shrink")
                .register(registry);
    }

    /**
     * Completes with a turn when a download may start. The caller must {@link Turn#close()} it once
     * the download has ended, however it ended.
     */
    public synchronized CompletableFuture<Turn> roomToDownload() {
        if (pages + reserved < limit && waiting.isEmpty()) {
            return CompletableFuture.completedFuture(new Turn(false));
        }
        CompletableFuture<Turn> turn = new CompletableFuture<>();
        waiting.add(turn);
        return turn;
    }

    private synchronized int count(boolean parsing) {
        return parsing ? pages : waiting.size();
    }

    private void letWaitingIn() {
        List<CompletableFuture<Turn>> admitted = new ArrayList<>();
        synchronized (this) {
            while (pages + reserved < limit && !waiting.isEmpty()) {
                reserved++;
                admitted.add(waiting.poll());
            }
        }
        // on another thread: the waiting download's whole chain would otherwise run on this one
        admitted.forEach(next -> next.completeAsync(() -> new Turn(true)));
    }

    /** One download's place: from its start until it is parsed or has ended without a parse. */
    public final class Turn implements AutoCloseable {
        private boolean reservedPlace;
        private boolean parsing;
        private boolean closed;

        private Turn(boolean reservedPlace) {
            this.reservedPlace = reservedPlace;
        }

        /** Runs a download and closes this turn when it ends, however it ends (also when it throws). */
        public <T> CompletableFuture<T> during(Supplier<CompletableFuture<T>> download) {
            CompletableFuture<T> ended;
            try {
                ended = download.get();
            } catch (RuntimeException e) {
                ended = CompletableFuture.failedFuture(e);
            }
            return ended.whenComplete((result, error) -> close());
        }

        /** The download's page joins the backlog until this turn is closed. */
        public void parsing() {
            synchronized (ParseBacklog.this) {
                if (closed || parsing) {
                    return;
                }
                parsing = true;
                pages++;
                if (reservedPlace) {
                    reservedPlace = false;
                    reserved--;
                }
            }
        }

        /** The page is parsed, or the download ended without one. Closing twice changes nothing. */
        @Override
        public void close() {
            synchronized (ParseBacklog.this) {
                if (closed) {
                    return;
                }
                closed = true;
                if (parsing) {
                    pages--;
                }
                if (reservedPlace) {
                    reserved--;
                }
            }
            letWaitingIn();
        }
    }
}
