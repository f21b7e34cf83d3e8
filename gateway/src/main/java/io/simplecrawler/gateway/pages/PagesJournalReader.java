package io.simplecrawler.gateway.pages;

import io.simplecrawler.gateway.results.ResultFolders;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a job's {@code pages.jsonl}. While the job runs the exporter appends to it, so the last
 * line may be half written, and a crash may have left a line twice: unreadable lines are
 * skipped and each URL is kept once, at its first place.
 */
@Singleton
class PagesJournalReader {
    static final String JOURNAL = "pages.jsonl";

    private final ResultFolders folders;

    PagesJournalReader(ResultFolders folders) {
        this.folders = folders;
    }

    /** The job's pages in the order they were written; empty before the first. */
    List<PageRecord> read(UUID jobId) {
        Path journal = folders.file(jobId, JOURNAL).orElse(null);
        if (journal == null) {
            return List.of();
        }
        Map<String, PageRecord> pages = new LinkedHashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    parse(line).ifPresent(page -> pages.putIfAbsent(page.url(), page));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of(); // deleted or renamed away between the listing and the read
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(pages.values());
    }

    private static Optional<PageRecord> parse(String line) {
        try {
            return Optional.of(EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class));
        } catch (MalformedEventException e) {
            return Optional.empty();
        }
    }
}
