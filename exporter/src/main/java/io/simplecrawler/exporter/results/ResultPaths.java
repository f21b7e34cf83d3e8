package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.OutputFormat;
import jakarta.inject.Singleton;
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
}
