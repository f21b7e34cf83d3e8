package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Prepares a finished job's final files ({@link FinalFiles}): the WARC (when asked for) from the
 * journal's captured exchanges and the final journal, each URL once and without the exchanges,
 * in one pass over the journal; then the primary file of the job's format from the final
 * journal; the manifest also lists the screenshots the renderers saved in the folder (jobs with
 * {@code screenshot: true}). Safe to run again after a crash at any point.
 */
@Singleton
public class ResultFiles {
    private final ResultPaths paths;
    private final PagesJournal journal;

    public ResultFiles(ResultPaths paths, PagesJournal journal) {
        this.paths = paths;
        this.journal = journal;
    }

    /**
     * Writes the job's final files under temporary names. Only one finaliser may prepare a job at a
     * time: temporary files left by an earlier run (a crash) are removed first.
     *
     * @return the files, to commit or close
     * @throws ResultsWriteFailure when a file of the job cannot be written
     */
    public FinalFiles prepare(JobSummary job) {
        Path folder = paths.jobFolder(job.id());
        FinalFiles files = new FinalFiles(paths, job);
        try {
            Files.createDirectories(folder);
            removeLeftovers(folder);
            CrawlWarc warc = job.warc() ? CrawlWarc.create(folder.resolve(CrawlWarc.FILE_NAME), job) : null;
            files.warc(warc);
            FinalJournal finalJournal =
                    FinalJournal.build(paths.journal(job.id()), warc == null ? page -> {} : warc::write);
            files.journal(finalJournal);
            if (warc != null) {
                warc.finish();
            }
            CrawlOrder pages = finalJournal.pages();
            AtomicFile primary = AtomicFile.open(paths.primary(job.id(), job.format()));
            files.primary(primary);
            formatOf(job.format()).write(job, pages, primary.stream());
            primary.finish();
            return files;
        } catch (IOException e) {
            closeQuietly(files, e);
            throw paths.failure(job.id(), e);
        } catch (RuntimeException e) {
            closeQuietly(files, e);
            throw e;
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

    /** The temporary files ({@link AtomicFile}) of a finalisation that a crash interrupted. */
    private static void removeLeftovers(Path folder) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path temp : temps) {
                // a renderer's screenshot being written is the renderer's to finish or remove
                if (!temp.getFileName().toString().startsWith("." + FinalFiles.SCREENSHOT_PREFIX)) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    private static void closeQuietly(FinalFiles files, Exception failure) {
        try {
            files.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
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
