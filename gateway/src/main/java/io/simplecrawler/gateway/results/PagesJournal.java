package io.simplecrawler.gateway.results;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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

    /**
     * Hands the records of the whole lines after byte {@code from} to {@code action}, in journal
     * order and without taking each URL once, until it answers false: for a reader that follows
     * the journal as it grows. A last line not yet ended is left for the next call.
     *
     * @return the byte after the last line read, where the next call starts
     */
    public long readFrom(UUID jobId, long from, Predicate<PageRecord> action) {
        Optional<Path> journal = folders.file(jobId, FILE);
        if (journal.isEmpty()) {
            return from;
        }
        long position = from;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(journal.get()))) {
            in.skipNBytes(from);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                position += line.size() + 1;
                Optional<PageRecord> page = parse(line.toString(StandardCharsets.UTF_8));
                line.reset();
                if (page.isPresent() && !action.test(page.get())) {
                    break;
                }
            }
        } catch (NoSuchFileException | EOFException e) {
            // deleted with its job, or not yet as long as a reader had it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return position;
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
