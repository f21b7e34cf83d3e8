package io.simplecrawler.gateway.job;

import java.util.Locale;

/** pending (stored, published) -> running (first page) -> completed | failed | cancelled. */
public enum JobStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** The name stored in Postgres and shown in the API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
