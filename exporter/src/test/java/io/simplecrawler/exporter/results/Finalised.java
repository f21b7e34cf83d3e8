package io.simplecrawler.exporter.results;

import java.io.IOException;

/** A job's final files prepared and committed at once, as the finaliser does when nothing changes between. */
final class Finalised {
    private Finalised() {}

    static void write(ResultFiles resultFiles, JobSummary job) throws IOException {
        try (FinalFiles files = resultFiles.prepare(job)) {
            files.commit();
        }
    }
}
