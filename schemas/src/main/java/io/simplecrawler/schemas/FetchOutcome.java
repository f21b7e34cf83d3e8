package io.simplecrawler.schemas;

/** How a fetch task settled. */
public enum FetchOutcome {
    /** The page was downloaded and parsed. */
    FETCHED,
    /** The request failed (connection error, timeout, HTTP 4xx/5xx). */
    FAILED,
    /** The job was cancelled before the fetch started; nothing was requested. */
    CANCELLED
}
