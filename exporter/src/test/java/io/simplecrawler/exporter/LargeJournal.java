package io.simplecrawler.exporter;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A running job whose pages are all written, as the page listener leaves a large one: its journal
 * on disk (pages of about 2 KB, the seed's line twice as after a crash between an append and its
 * commit, so the journal is rewritten at the end) and its counters in its row. Large enough that
 * its finalisation takes seconds.
 */
final class LargeJournal {
    static final int PAGES = 50_000;
    private static final String BODY = "Words of a page that is long enough to weigh. ".repeat(20);

    private LargeJournal() {}

    static void write(JobTable jobs, Path resultsDir, UUID job, String site) throws IOException, SQLException {
        Path journal = resultsDir.resolve(job + "/pages.jsonl");
        Files.createDirectories(journal.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(journal), 1 << 20)) {
            for (int i = 0; i < PAGES; i++) {
                byte[] line = EventJson.write(page(job, site, i));
                out.write(line);
                out.write('\n');
                if (i == 0) {
                    out.write(line);
                    out.write('\n');
                }
            }
        }
        // the row last: the watchdog would fail a running job that writes no page for as long as the journal takes
        jobs.insert(job, site, "running", "markdown", null, PAGES);
        jobs.set(job, "pages_written", PAGES);
        jobs.set(job, "pages_crawled", PAGES);
        jobs.set(job, "started_at", OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static PageRecord page(UUID job, String site, int i) {
        String url = i == 0 ? site : site + "page/" + i;
        return PageRecord.of(job, url, i == 0 ? 0 : 1 + i % 3, FetchOutcome.FETCHED)
                .finalUrl(url)
                .status(200)
                .contentType("text/html")
                .fetchedAt(Instant.now())
                .fetchMs(10)
                .bytes(2_000)
                .title("Title of " + url)
                .text(BODY)
                .markdown("Markdown of " + url + "\n\n" + BODY)
                .links(List.of())
                .build();
    }
}
