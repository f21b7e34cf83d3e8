package io.simplecrawler.exporter.results;

import java.io.IOException;
import java.util.UUID;

/**
 * A job's result files cannot be written (or read back): its folder is a file, the disk is
 * full, permission is denied... A fault of that job alone, unlike a database or broker outage:
 * the job ends failed with {@link #getMessage()} as its error, and the other jobs go on.
 */
public class ResultsWriteFailure extends RuntimeException {
    private final UUID jobId;

    ResultsWriteFailure(UUID jobId, String reason, IOException cause) {
        super("results cannot be written: " + reason, cause);
        this.jobId = jobId;
    }

    public UUID jobId() {
        return jobId;
    }
}
