package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.PageRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's journal made final in one pass: each URL's first line, without its HTTP exchanges,
 * lines cut by a crash dropped. Usually the journal is that already (the exporter appends each
 * (job, URL) once; only a crash between an append and its commit, or a job keeping a WARC, leaves
 * more), and then it is kept as it is; else a rewritten copy is made, starting at the first line
 * that must change. The final content's size and SHA-256, and where each fetched page's line
 * lies in it, are noted on the way. Only the URLs are held in memory, at most the job's budget.
 */
final class FinalJournal implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(FinalJournal.class);
    private static final byte[] NEWLINE = {'\n'};

    private final Path journal;
    private final JournalLines lines;
    private final CrawlOrder order = new CrawlOrder();
    private final FileDigest.Sha256 digest = new FileDigest.Sha256();
    private AtomicFile rewrite;

    private FinalJournal(Path journal, JournalLines lines) {
        this.journal = journal;
        this.lines = lines;
    }

    /**
     * Reads the journal once, handing each URL's first page record, exchanges included, to
     * {@code firstPages} in journal order.
     */
    static FinalJournal build(Path journal, CrawlOrder.PageAction firstPages) throws IOException {
        FinalJournal result = new FinalJournal(journal, JournalLines.open(journal));
        try {
            result.scan(firstPages);
            return result;
        } catch (IOException | RuntimeException e) {
            result.close();
            throw e;
        }
    }

    private void scan(CrawlOrder.PageAction firstPages) throws IOException {
        if (!lines.exists()) {
            startRewrite(0);
        }
        Set<String> seen = new HashSet<>();
        for (JournalLines.Line line = lines.next(); line != null; line = lines.next()) {
            PageRecord page = read(line.bytes());
            if (page == null || !seen.add(page.url())) {
                startRewrite(line.offset());
                continue;
            }
            firstPages.accept(page);
            boolean withExchanges = page.exchanges() != null;
            byte[] kept = withExchanges ? EventJson.write(page.withoutExchanges()) : line.bytes();
            if (withExchanges || !line.terminated()) {
                startRewrite(line.offset());
            }
            order.add(page, digest.bytes(), kept.length);
            write(kept);
            write(NEWLINE);
        }
    }

    /** The fetched pages in crawl order, read from the final content; after the scan. */
    CrawlOrder pages() throws IOException {
        return order.in(rewrite == null ? journal : rewrite.finish());
    }

    /** Whether the journal is still as it was read: no page was appended since, and it was not replaced. */
    boolean unchanged() throws IOException {
        return lines.unchangedSince();
    }

    /** Replaces the journal with the rewritten copy, if one was needed. */
    FileDigest commit() throws IOException {
        if (rewrite != null) {
            rewrite.commit();
        }
        return digest.of(journal.getFileName().toString());
    }

    @Override
    public void close() throws IOException {
        try {
            lines.close();
        } finally {
            if (rewrite != null) {
                rewrite.close();
            }
        }
    }

    /** From here on the final content differs from the journal: copy what was kept so far, then go on in a copy. */
    private void startRewrite(long journalOffset) throws IOException {
        if (rewrite != null) {
            return;
        }
        rewrite = AtomicFile.open(journal);
        // the lines before were kept byte for byte, so the copy starts with the journal's first bytes
        lines.copyStart(journalOffset, rewrite.stream());
    }

    private void write(byte[] bytes) throws IOException {
        digest.update(bytes, 0, bytes.length);
        if (rewrite != null) {
            rewrite.stream().write(bytes);
        }
    }

    private PageRecord read(byte[] line) {
        try {
            return EventJson.read(line, PageRecord.class);
        } catch (MalformedEventException e) {
            LOG.warn("Dropping a broken line of {}: {}", journal, e.getMessage());
            return null;
        }
    }
}
