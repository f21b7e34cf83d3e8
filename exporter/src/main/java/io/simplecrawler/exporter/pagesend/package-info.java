/**
 * The end-of-pages marker ({@code PagesEnded}) on {@code crawl.pages}: once a job has ended and
 * every page record of it is on the topic, the exporter appends the marker to the job's partition
 * (same key, so the same partition), so a consumer of {@code crawl.pages} alone knows the job's
 * pages are complete. The exporter knows both halves: the job's end (it alone ends jobs) and
 * which page records it has consumed ({@code exported_pages}, every (job, url) once, whatever
 * the job's status). Those records were consumed from the partition, so they come before the
 * marker; after the frontier's {@code CrawlFinished} no new URL of the job is fetched, so a page
 * record behind the marker can only be a replay of one before it.
 */
package io.simplecrawler.exporter.pagesend;
