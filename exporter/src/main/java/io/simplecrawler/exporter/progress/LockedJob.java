package io.simplecrawler.exporter.progress;

import io.simplecrawler.schemas.JobStatus;

/**
 * A job row as read under its lock.
 *
 * @param pagesTotal the page count reported by the frontier, or null while the crawl runs
 * @param pageEvents whether the job's webhook asks for a PAGE event per page (nothing else reads them)
 * @param maxPages   the job's page budget, or 0 when its settings cannot be read
 */
public record LockedJob(JobStatus status, Integer pagesTotal, boolean pageEvents, int maxPages) {
    /** Whether the job could be ready to complete once this transaction commits. */
    public boolean mayComplete() {
        return !status.isFinal() && pagesTotal != null;
    }
}
