/** Fetching: the HTTP request, its limits and failures, and the settlement of a task into one page record. */
package io.simplecrawler.fetcher.fetch;
