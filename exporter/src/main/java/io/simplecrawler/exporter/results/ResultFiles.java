package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.OutputFormat;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes a finished job's final files: the deduplicated journal, then the primary file of its format. */
@Singleton
public class ResultFiles {
    private final ResultPaths paths;
    private final PagesJournal journal;

    public ResultFiles(ResultPaths paths, PagesJournal journal) {
        this.paths = paths;
        this.journal = journal;
    }

    public void writeFinal(JobSummary job) {
        journal.deduplicate(job.id());
        Path target = paths.primary(job.id(), job.format());
        CrawlOrder pages = new CrawlOrder(paths.journal(job.id()));
        try {
            AtomicFile.write(target, out -> formatOf(job.format()).write(job, pages, out));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static ResultFormat formatOf(OutputFormat format) {
        return switch (format) {
            case JSON -> new JsonResults();
            // readable and summary get their own renderings later; until then they read like markdown
            case MARKDOWN, READABLE, SUMMARY -> new MarkdownResults();
        };
    }
}
