package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.PageRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The fetched pages of a deduplicated journal in crawl order: by depth, then by arrival. It
 * streams the journal once to find the depths and once per depth (at most 11), so memory does
 * not grow with the job.
 */
final class CrawlOrder {
    @FunctionalInterface
    interface PageAction {
        void accept(PageRecord page) throws IOException;
    }

    private final Path journal;

    CrawlOrder(Path journal) {
        this.journal = journal;
    }

    void forEach(PageAction action) throws IOException {
        SortedSet<Integer> depths = new TreeSet<>();
        readFetched(page -> depths.add(page.depth()));
        for (int depth : depths) {
            readFetched(page -> {
                if (page.depth() == depth) {
                    action.accept(page);
                }
            });
        }
    }

    private void readFetched(PageAction action) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                PageRecord page = EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class);
                if (page.succeeded()) {
                    action.accept(page);
                }
            }
        }
    }
}
