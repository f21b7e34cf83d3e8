package io.simplecrawler.schemas;

/** How a fetch task settled. */
public enum FetchOutcome {
    /** The page was downloaded and parsed. */
    FETCHED,
    /** The request failed (connection error, timeout, HTTP 4xx/5xx, redirect loop) after its retries. */
    FAILED,
    /** The job was cancelled before the fetch started; nothing was requested. */
    CANCELLED,
    /** robots.txt disallows the URL (or a redirect target): it was not requested. */
    BLOCKED,
    /** Not parsed: the answer is not HTML or XHTML, or a redirect leads out of the job's scope. Not a crawled page. */
    SKIPPED,
    /** A redirect leads to a URL the job fetches, or has fetched, under another task: not fetched twice. */
    DUPLICATE
}
