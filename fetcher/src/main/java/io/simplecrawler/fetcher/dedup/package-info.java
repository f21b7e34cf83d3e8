/**
 * One fetch per page: URLs a page covers besides its task's (redirect targets, canonical URLs)
 * are claimed against the job's admitted URLs, and tasks already published are not fetched again.
 */
package io.simplecrawler.fetcher.dedup;
