package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.PageRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fetched pages of a deduplicated journal in crawl order: by depth, then by arrival. It
 * holds where each fetched page's line lies in the journal (noted while the journal is made
 * final, {@link FinalJournal}) and reads each line once per pass, so memory does not grow with page sizes and
 * every page is parsed once per pass whatever the job's depth.
 */
final class CrawlOrder {
    @FunctionalInterface
    interface PageAction {
        void accept(PageRecord page) throws IOException;
    }

    private record Line(int depth, long offset, int length) {}

    private final Path journal;
    private final List<Line> lines;
    private boolean sorted;

    CrawlOrder() {
        this(null, new ArrayList<>());
    }

    private CrawlOrder(Path journal, List<Line> lines) {
        this.journal = journal;
        this.lines = lines;
    }

    /** The same pages, read from the file that holds the lines as noted. */
    CrawlOrder in(Path file) {
        return new CrawlOrder(file, lines);
    }

    /** Notes a line of the final journal, in journal order; only fetched pages are handed out again. */
    void add(PageRecord page, long offset, int length) {
        if (page.succeeded()) {
            lines.add(new Line(page.depth(), offset, length));
            sorted = false;
        }
    }

    void forEach(PageAction action) throws IOException {
        if (!sorted) {
            // stable: pages of one depth keep their journal (arrival) order
            lines.sort(Comparator.comparingInt(Line::depth));
            sorted = true;
        }
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ)) {
            for (Line line : lines) {
                action.accept(EventJson.read(read(channel, line), PageRecord.class));
            }
        }
    }

    private static byte[] read(FileChannel channel, Line line) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(line.length());
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, line.offset() + bytes.position()) < 0) {
                throw new IOException("The journal ended inside a line at " + line.offset());
            }
        }
        return bytes.array();
    }
}
