package io.simplecrawler.fetcher.jobs;

/** The job was cancelled: the request that was about to start did not. Settles the task as CANCELLED. */
public class JobCancelledException extends RuntimeException {
    public JobCancelledException() {
        super("job cancelled", null, false, false);
    }
}
