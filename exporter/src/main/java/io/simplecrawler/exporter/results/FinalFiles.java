package io.simplecrawler.exporter.results;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A finished job's final files, written and forced to disk under temporary names by
 * {@link ResultFiles#prepare}, not yet in place. {@link #commit()} puts them in place, each by
 * an atomic rename, and writes the manifest last; {@link #close()} discards whatever was not
 * committed. Preparing is the long part (every page is read and written); committing is a few
 * renames and a small file, so a caller can do it under the job's row lock.
 */
public final class FinalFiles implements Closeable {
    /** How the renderers name a page's PNG in the job's folder. */
    static final String SCREENSHOT_PREFIX = "screenshot-";

    private final ResultPaths paths;
    private final JobSummary job;
    private CrawlWarc warc;
    private FinalJournal journal;
    private AtomicFile primary;

    FinalFiles(ResultPaths paths, JobSummary job) {
        this.paths = paths;
        this.job = job;
    }

    public UUID jobId() {
        return job.id();
    }

    /**
     * Whether the files still describe the job's journal: no page was appended to it since it was
     * read, and no other finaliser replaced it. Ask under the job's row lock, which appends take.
     */
    public boolean current() {
        try {
            return journal.unchanged();
        } catch (IOException e) {
            throw paths.failure(job.id(), e);
        }
    }

    /**
     * Puts the files in place in an order that is safe to repeat after a crash at any point: the
     * WARC before the journal loses the exchanges it is made from, the manifest last.
     *
     * @throws ResultsWriteFailure when a file cannot be put in place
     */
    public void commit() {
        Path folder = paths.jobFolder(job.id());
        try {
            List<FileDigest> files = new ArrayList<>();
            FileDigest warcFile = commitWarc(folder.resolve(CrawlWarc.FILE_NAME));
            files.add(journal.commit());
            primary.commit();
            files.add(primary.digest());
            if (warcFile != null) {
                files.add(warcFile);
            }
            for (Path screenshot : screenshots(folder)) {
                files.add(FileDigest.of(screenshot));
            }
            Manifest.write(folder, job, files);
        } catch (IOException e) {
            throw paths.failure(job.id(), e);
        }
    }

    /** The renderers' screenshots in the folder ({@code screenshot-<hash of the URL>.png}), by name. */
    private static List<Path> screenshots(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(SCREENSHOT_PREFIX) && name.endsWith(".png");
                    })
                    .sorted()
                    .toList();
        }
    }

    /**
     * Once the journal is final its exchanges are gone, so a run after a crash that finds none
     * keeps the WARC file the earlier run committed rather than replace it with an empty one.
     *
     * @return the WARC file's entry, or null when the job has none
     */
    private FileDigest commitWarc(Path target) throws IOException {
        if (warc == null) {
            return null;
        }
        return warc.exchangesWritten() > 0 || Files.notExists(target) ? warc.commit() : FileDigest.of(target);
    }

    void warc(CrawlWarc warc) {
        this.warc = warc;
    }

    void journal(FinalJournal journal) {
        this.journal = journal;
    }

    void primary(AtomicFile primary) {
        this.primary = primary;
    }

    @Override
    public void close() throws IOException {
        try (Closeable w = warc;
                Closeable j = journal;
                Closeable p = primary) {
            // each closes in turn, even when one fails
        }
    }
}
