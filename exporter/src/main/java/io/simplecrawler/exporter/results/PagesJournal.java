package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's {@code pages.jsonl}: page records appended one JSON line each as they arrive (with
 * their HTTP exchanges, when the job keeps a WARC), made final once at the end with each URL once
 * and without the exchanges ({@link FinalJournal}).
 */
@Singleton
public class PagesJournal {
    private static final Logger LOG = LoggerFactory.getLogger(PagesJournal.class);
    private static final byte NEWLINE = '\n';

    private final ResultPaths paths;

    public PagesJournal(ResultPaths paths) {
        this.paths = paths;
    }

    /**
     * Appends the pages and forces them to disk before returning.
     *
     * @throws ResultsWriteFailure when the job's folder or journal cannot be written
     */
    public void append(UUID jobId, List<PageRecord> pages) {
        if (pages.isEmpty()) {
            return;
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (PageRecord page : pages) {
            lines.writeBytes(EventJson.write(page));
            lines.write(NEWLINE);
        }
        Path journal = paths.journal(jobId);
        try {
            Files.createDirectories(journal.getParent());
            // not APPEND, which excludes READ: the caller holds the job's row lock, so no one else writes here
            try (FileChannel channel = FileChannel.open(
                    journal, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                channel.position(channel.size());
                if (endsInsideLine(channel)) {
                    // a crash cut the last append short: end that fragment so it cannot swallow our first line
                    channel.write(ByteBuffer.wrap(new byte[] {NEWLINE}));
                }
                ByteBuffer buffer = ByteBuffer.wrap(lines.toByteArray());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
        } catch (IOException e) {
            throw paths.failure(jobId, e);
        }
    }

    /** The first page record at depth 0, if the journal has one; {@link ResultsWriteFailure} if it cannot be read. */
    Optional<PageRecord> seed(UUID jobId) {
        Path journal = paths.journal(jobId);
        if (Files.notExists(journal)) {
            return Optional.empty();
        }
        try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Optional<PageRecord> page = read(line.getBytes(StandardCharsets.UTF_8), journal);
                if (page.isPresent() && page.get().depth() == 0) {
                    return page;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw paths.failure(jobId, e);
        }
    }

    private static boolean endsInsideLine(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return false;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) != NEWLINE;
    }

    private static Optional<PageRecord> read(byte[] line, Path journal) {
        try {
            return Optional.of(EventJson.read(line, PageRecord.class));
        } catch (MalformedEventException e) {
            LOG.warn("Dropping a broken line of {}: {}", journal, e.getMessage());
            return Optional.empty();
        }
    }
}
