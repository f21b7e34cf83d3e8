/**
 * A task from start to settlement: robots.txt check, the request and its redirect hops (each
 * checked against scope, robots.txt and the job's other pages), the parse, and the one page
 * record and links record it settles into. Requests go through {@code protocol}.
 */
package io.simplecrawler.fetcher.fetch;
