package io.simplecrawler.gateway.results;

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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A job's {@code pages.jsonl} as the gateway reads it: one page record a line, appended by the
 * exporter as pages are written, so a running job's pages are there too. The last line may be
 * half written and a crash may have left a line twice: unreadable lines are skipped and each URL
 * is taken once, at its first place.
 */
@Singleton
public class PagesJournal {
    static final String FILE = "pages.jsonl";

    private final ResultFolders folders;

    PagesJournal(ResultFolders folders) {
        this.folders = folders;
    }

    /** The job's pages in the order they were written; empty before the first. */
    public List<PageRecord> read(UUID jobId) {
        List<PageRecord> pages = new ArrayList<>();
        forEachPage(jobId, pages::add);
        return pages;
    }

    /** Hands each URL's first record to {@code action}, in journal order, until it answers false. */
    public void forEachPage(UUID jobId, Predicate<PageRecord> action) {
        Optional<Path> journal = folders.file(jobId, FILE);
        if (journal.isEmpty()) {
            return;
        }
        Set<String> urls = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(journal.get(), StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Optional<PageRecord> page = parse(line);
                if (page.isPresent() && urls.add(page.get().url()) && !action.test(page.get())) {
                    return;
                }
            }
        } catch (NoSuchFileException e) {
            // deleted with its job between the listing and the read: no pages
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<PageRecord> parse(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class));
        } catch (MalformedEventException e) {
            return Optional.empty(); // being appended, or cut short by a crash
        }
    }
}
