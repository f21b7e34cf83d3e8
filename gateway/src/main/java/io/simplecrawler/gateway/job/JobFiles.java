package io.simplecrawler.gateway.job;

import java.util.List;
import java.util.UUID;

/** A job's result files, as far as the job resource needs them: kept by the results feature, which serves them. */
public interface JobFiles {

    /** The finished files of a job, by name; empty while nothing is written. */
    List<ResultFile> list(UUID jobId);

    /** Deletes the job's folder and everything in it. */
    void delete(UUID jobId);
}
