/**
 * The export of {@code crawl.frontier} (consumed by {@code listen.ExporterListener}): folds the frontier's facts ({@code UrlsAdmitted},
 * {@code CrawlFinished}, {@code JobRejected}, {@code CrawlCancelled}) into the jobs' rows (one
 * transaction per batch), tells clients on {@code crawl.events} of the jobs this ends
 * ({@code FAILED} for a rejected job, {@code CANCELLED} for a job a client cancelled), dead-letters
 * unreadable records, and asks the finaliser about every job whose crawl just finished.
 */
package io.simplecrawler.exporter.facts;
