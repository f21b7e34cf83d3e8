package io.simplecrawler.fetcher.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.simplecrawler.fetcher.FetcherConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParseBacklogTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void downloadsWaitWhileTheBacklogIsFullAndStartInOrderAsPagesAreParsed() throws Exception {
        ParseBacklog backlog = backlog(2);
        ParseBacklog.Turn a = turn(backlog.roomToDownload());
        ParseBacklog.Turn b = turn(backlog.roomToDownload());
        a.parsing();
        b.parsing();

        CompletableFuture<ParseBacklog.Turn> first = backlog.roomToDownload();
        CompletableFuture<ParseBacklog.Turn> second = backlog.roomToDownload();
        assertFalse(first.isDone(), "two pages wait for a parse: the third download waits");
        assertEquals(2.0, gauge("simplecrawler.fetcher.downloads.waiting"));

        a.close();
        turn(first).parsing();
        assertFalse(second.isDone(), "one parse makes room for one download");
        assertFalse(backlog.roomToDownload().isDone(), "a newcomer does not overtake the waiting ones");

        b.close();
        turn(second);
    }

    @Test
    void aDownloadThatEndsWithoutAParsePassesItsPlaceOn() throws Exception {
        ParseBacklog backlog = backlog(1);
        ParseBacklog.Turn page = turn(backlog.roomToDownload());
        page.parsing();
        CompletableFuture<ParseBacklog.Turn> image = backlog.roomToDownload();
        CompletableFuture<ParseBacklog.Turn> notFound = backlog.roomToDownload();
        CompletableFuture<ParseBacklog.Turn> next = backlog.roomToDownload();

        page.close();
        turn(image).close();
        assertFalse(next.isDone(), "the 404's download holds the place until it ends");
        turn(notFound).close();
        turn(next).parsing();
        assertEquals(1.0, gauge("simplecrawler.fetcher.parse.backlog.pages"));
    }

    @Test
    void aDownloadThatThrowsPassesItsPlaceOn() throws Exception {
        ParseBacklog backlog = backlog(1);
        ParseBacklog.Turn page = turn(backlog.roomToDownload());
        page.parsing();
        CompletableFuture<ParseBacklog.Turn> failing = backlog.roomToDownload();
        CompletableFuture<ParseBacklog.Turn> next = backlog.roomToDownload();
        page.close();

        CompletableFuture<Object> ended = turn(failing).during(() -> {
            throw new IllegalStateException("Redis is away");
        });
        assertTrue(ended.isCompletedExceptionally());
        turn(next);
    }

    /** Many downloads on many threads with random outcomes: every one starts, and the backlog ends empty. */
    @Test
    void noDownloadWaitsForeverWhateverTheOutcomes() throws Exception {
        ParseBacklog backlog = backlog(3);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Object>> downloads = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                boolean parsed = random.nextInt(3) == 0;
                boolean fails = random.nextInt(10) == 0;
                downloads.add(backlog.roomToDownload()
                        .thenComposeAsync(
                                turn -> turn.during(() -> {
                                    if (fails) {
                                        throw new IllegalStateException("failed download");
                                    }
                                    if (parsed) {
                                        turn.parsing();
                                    }
                                    return CompletableFuture.supplyAsync(() -> "settled", threads);
                                }),
                                threads));
            }
            CompletableFuture.allOf(downloads.stream()
                            .map(d -> d.exceptionally(e -> null))
                            .toArray(CompletableFuture[]::new))
                    .get(WAIT.toSeconds() * 6, TimeUnit.SECONDS);
            assertEquals(0.0, gauge("simplecrawler.fetcher.parse.backlog.pages"), "seed " + seed);
            assertEquals(0.0, gauge("simplecrawler.fetcher.downloads.waiting"), "seed " + seed);
        } finally {
            threads.shutdownNow();
        }
    }

    private ParseBacklog backlog(int limit) {
        return new ParseBacklog(
                new FetcherConfiguration(
                        "SimpleCrawler/test",
                        1024,
                        10,
                        Duration.ofHours(1),
                        3,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(60),
                        500,
                        limit,
                        Duration.ofSeconds(5)),
                registry);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private static ParseBacklog.Turn turn(CompletableFuture<ParseBacklog.Turn> turn) throws Exception {
        return turn.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
