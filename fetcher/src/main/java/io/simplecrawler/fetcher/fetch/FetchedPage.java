package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.schemas.PageRecord;

/**
 * What a fetch ended in: the page record, and whether the page was an application shell (a
 * fetched HTML page that a browser would build; see pageparse's {@code ApplicationShell}).
 */
record FetchedPage(PageRecord page, boolean applicationShell) {}
