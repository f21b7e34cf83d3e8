package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a finished job's final files, each atomically: the WARC (when asked for) from the
 * journal's captured exchanges, then the journal rewritten with each URL once and without the
 * exchanges, then the primary file of the job's format, then the manifest, which also lists the
 * screenshots the renderers saved in the folder ({@code screenshot-*.png}, for jobs with
 * {@code screenshot: true}). Safe to run again after a crash at any point.
 */
@Singleton
public class ResultFiles {
    /** How the renderers name a page's PNG in the job's folder: {@code screenshot-<hash of the URL>.png}. */
    static final String SCREENSHOT_PREFIX = "screenshot-";

    private final ResultPaths paths;
    private final PagesJournal journal;

    public ResultFiles(ResultPaths paths, PagesJournal journal) {
        this.paths = paths;
        this.journal = journal;
    }

    /** @throws ResultsWriteFailure when a file of the job cannot be written */
    public void writeFinal(JobSummary job) {
        Path folder = paths.jobFolder(job.id());
        try {
            Files.createDirectories(folder);
            List<String> files = new ArrayList<>();
            files.add(ResultPaths.JOURNAL);
            if (job.warc()) {
                writeWarc(job, folder.resolve(CrawlWarc.FILE_NAME));
            }
            CrawlOrder pages = journal.rewrite(job.id());
            Path primary = paths.primary(job.id(), job.format());
            AtomicFile.write(primary, out -> formatOf(job.format()).write(job, pages, out));
            files.add(primary.getFileName().toString());
            if (Files.exists(folder.resolve(CrawlWarc.FILE_NAME))) {
                files.add(CrawlWarc.FILE_NAME);
            }
            files.addAll(screenshots(folder));
            Manifest.write(folder, job, files);
        } catch (IOException e) {
            throw paths.failure(job.id(), e);
        }
    }

    /** The renderers' screenshots in the folder, by name. */
    private static List<String> screenshots(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(SCREENSHOT_PREFIX) && name.endsWith(".png"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Why the job failed as a whole, if it did: nothing was fetched and its seed (depth 0) was
     * not, e.g. "seed http://example.org/ failed: HTTP 404".
     */
    public Optional<String> seedFailure(UUID jobId, long pagesCrawled) {
        if (pagesCrawled > 0) {
            return Optional.empty();
        }
        return journal.seed(jobId)
                .filter(seed -> seed.outcome() != FetchOutcome.FETCHED && seed.outcome() != FetchOutcome.CANCELLED)
                .map(ResultFiles::describe);
    }

    private static String describe(PageRecord seed) {
        return "seed " + seed.url() + " failed: "
                + (seed.error() != null ? seed.error() : seed.outcome().name().toLowerCase(Locale.ROOT));
    }

    /**
     * Once the journal is rewritten its exchanges are gone, so a run after a crash that finds
     * none keeps the WARC file the earlier run committed rather than replace it with an empty one.
     */
    private void writeWarc(JobSummary job, Path target) throws IOException {
        try (CrawlWarc warc = CrawlWarc.create(target, job)) {
            journal.forEachFirst(job.id(), warc::write);
            if (warc.exchangesWritten() > 0 || Files.notExists(target)) {
                warc.commit();
            }
        }
    }

    private static ResultFormat formatOf(OutputFormat format) {
        return switch (format) {
            case MARKDOWN -> new MarkdownResults();
            case JSON -> new JsonResults();
            case READABLE -> new ReadableResults();
            case SUMMARY -> new SummaryResults();
        };
    }
}
