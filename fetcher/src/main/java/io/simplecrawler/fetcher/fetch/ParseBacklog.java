package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.fetcher.FetcherConfiguration;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps downloads from running ahead of parsing. Pages on loopback or a fast network download in
 * a millisecond and parse in several, so without a gate hundreds of downloaded pages would wait
 * for a parse thread: held in memory, and late on {@code crawl.pages} by seconds. A download may
 * start while fewer than {@code maxParseBacklog} pages wait for or are in a parse; beyond that it
 * waits here (asynchronously, holding no host slot). Downloads in flight are not counted, so a
 * slow site still gets the job's whole concurrency.
 */
@Singleton
public class ParseBacklog {
    private final int limit;
    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int pages;

    public ParseBacklog(FetcherConfiguration configuration) {
        this.limit = configuration.maxParseBacklog();
    }

    /** Completes when a download may start. */
    public synchronized CompletableFuture<Void> roomToDownload() {
        if (pages < limit && waiting.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> turn = new CompletableFuture<>();
        waiting.add(turn);
        return turn;
    }

    /** A downloaded page joins the backlog until its {@link #parsed()}. */
    public synchronized void downloaded() {
        pages++;
    }

    public void parsed() {
        CompletableFuture<Void> next;
        synchronized (this) {
            pages--;
            next = pages < limit ? waiting.poll() : null;
        }
        if (next != null) {
            // on another thread: the waiting download's whole chain would otherwise run on this parse thread
            next.completeAsync(() -> null);
        }
    }
}
