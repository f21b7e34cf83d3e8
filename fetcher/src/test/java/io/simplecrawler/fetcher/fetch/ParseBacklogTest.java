package io.simplecrawler.fetcher.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.fetcher.FetcherConfiguration;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParseBacklogTest {
    private final ParseBacklog backlog = new ParseBacklog(new FetcherConfiguration(
            "SimpleCrawler/test", 1024, 10, Duration.ofHours(1), 3, Duration.ofSeconds(1), Duration.ofSeconds(60), 500, 2));

    @Test
    void downloadsWaitWhileTheBacklogIsFullAndStartInOrderAsPagesAreParsed() throws Exception {
        assertTrue(backlog.roomToDownload().isDone());
        backlog.downloaded();
        backlog.downloaded();

        CompletableFuture<Void> first = backlog.roomToDownload();
        CompletableFuture<Void> second = backlog.roomToDownload();
        assertFalse(first.isDone(), "two pages wait for a parse: the third download waits");

        backlog.parsed();
        first.get(5, TimeUnit.SECONDS);
        assertFalse(second.isDone(), "one parse makes room for one download");
        assertFalse(backlog.roomToDownload().isDone(), "a newcomer does not overtake the waiting ones");

        backlog.parsed();
        second.get(5, TimeUnit.SECONDS);
    }
}
