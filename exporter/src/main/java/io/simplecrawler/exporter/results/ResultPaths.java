package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.OutputFormat;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.UUID;

/** Where a job's result files live; the gateway serves them from the same layout. */
@Singleton
public class ResultPaths {
    static final String JOURNAL = "pages.jsonl";

    private final Path root;

    public ResultPaths(ResultsConfiguration configuration) {
        this.root = Path.of(configuration.resultsDir());
    }

    public Path jobFolder(UUID jobId) {
        return root.resolve(jobId.toString());
    }

    public Path journal(UUID jobId) {
        return jobFolder(jobId).resolve(JOURNAL);
    }

    public Path primary(UUID jobId, OutputFormat format) {
        return jobFolder(jobId).resolve(format.fileName());
    }

    /** The failure to write a job's files, with the system's reason and no path outside the results folder. */
    ResultsWriteFailure failure(UUID jobId, IOException e) {
        return new ResultsWriteFailure(jobId, reason(e), e);
    }

    private String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException exists) {
            // what Files.createDirectories throws when a file has the folder's name
            return relative(exists.getFile()) + " exists and is not a folder";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + relative(denied.getFile());
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private String relative(String file) {
        if (file == null) {
            return "a file";
        }
        Path path = Path.of(file);
        return path.startsWith(root)
                ? root.relativize(path).toString()
                : path.getFileName().toString();
    }
}
