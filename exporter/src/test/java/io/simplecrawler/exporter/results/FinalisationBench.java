package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures a job's finalisation on a journal of {@code finalisation.bench.pages} pages of about
 * 30 KB (run with {@code -Dfinalisation.bench.pages=100000 -Dtest=FinalisationBench}, and
 * {@code -Dfinalisation.bench.duplicate=true} for a journal with a line twice near its start, which
 * must be rewritten); prints the time, asserts nothing about it.
 */
@EnabledIfSystemProperty(named = "finalisation.bench.pages", matches = "\\d+")
class FinalisationBench {
    private static final int BATCH = 500;

    @TempDir
    Path resultsDir;

    @Test
    void finalisesALargeJournal() throws IOException {
        int pages = Integer.getInteger("finalisation.bench.pages");
        UUID job = UUID.randomUUID();
        ResultPaths paths = new ResultPaths(new ResultsConfiguration(resultsDir.toString()));
        PagesJournal journal = new PagesJournal(paths);
        String body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(260);
        List<PageRecord> batch = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            String url = "https://host" + (i % 3) + ".test/page/" + i;
            batch.add(PageRecord.of(job, url, i == 0 ? 0 : 1 + i % 4, FetchOutcome.FETCHED)
                    .finalUrl(url)
                    .status(200)
                    .contentType("text/html")
                    .fetchedAt(Instant.now())
                    .fetchMs(12)
                    .bytes(30_000)
                    .title("Page " + i)
                    .text(body)
                    .markdown("# Page " + i + "\n\n" + body)
                    .links(List.of(url + "/next"))
                    .build());
            if (batch.size() == BATCH) {
                journal.append(job, batch);
                if (i < BATCH && Boolean.getBoolean("finalisation.bench.duplicate")) {
                    // a replay after a crash between an append and its commit: the journal must be rewritten
                    journal.append(job, batch.subList(0, 1));
                }
                batch.clear();
            }
        }
        journal.append(job, batch);
        long journalBytes = Files.size(paths.journal(job));
        Instant now = Instant.now();
        JobSummary summary = new JobSummary(
                job,
                "https://host0.test/",
                "completed",
                OutputFormat.MARKDOWN,
                pages,
                pages,
                0,
                0,
                now,
                now,
                now,
                null,
                false);

        long start = System.nanoTime();
        Finalised.write(new ResultFiles(paths, journal), summary);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(String.format(
                Locale.ROOT,
                "FINALISATION pages=%d duplicate=%b journal=%d MB primary=%d MB took=%.1f s",
                pages,
                Boolean.getBoolean("finalisation.bench.duplicate"),
                journalBytes >> 20,
                Files.size(paths.primary(job, OutputFormat.MARKDOWN)) >> 20,
                took.toMillis() / 1000.0));
    }
}
