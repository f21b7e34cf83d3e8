package io.simplecrawler.exporter;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Page records as a fetcher would send them, and the journal the exporter writes from them. */
final class PageRecords {
    private PageRecords() {}

    static PageRecord page(UUID job, String url, int depth, FetchOutcome outcome) {
        boolean fetched = outcome == FetchOutcome.FETCHED;
        return PageRecord.of(job, url, depth, outcome)
                .finalUrl(url)
                .status(fetched ? 200 : 0)
                .contentType("text/html")
                .fetchedAt(Instant.now())
                .fetchMs(10)
                .bytes(fetched ? 100 : 0)
                .title("Title of " + url)
                .text("Text of " + url)
                .markdown("Markdown of " + url)
                .links(List.of())
                .build();
    }

    /** The URLs of the lines of a job's {@code pages.jsonl}, in order. */
    static List<String> journalUrls(Path resultsDir, UUID job) throws IOException {
        return Files.readAllLines(resultsDir.resolve(job + "/pages.jsonl")).stream()
                .map(line -> EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class)
                        .url())
                .toList();
    }
}
