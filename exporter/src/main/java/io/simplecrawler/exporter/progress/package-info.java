/**
 * The progress columns of a job's row in {@code jobs}.
 *
 * <p>From page records ({@link io.simplecrawler.exporter.progress.PageCounts}):
 * {@code pages_crawled}, {@code pages_failed}, {@code bytes_downloaded}, {@code pages_written},
 * and the move from {@code pending} to {@code running} with {@code started_at}. From the
 * frontier's events on {@code crawl.events} ({@link io.simplecrawler.exporter.progress.CrawlProgress}):
 * {@code pages_admitted} ({@code PROGRESS}), {@code pages_total} ({@code CRAWLED}) and the
 * move to {@code failed} ({@code FAILED}). {@code progress} is the share of the expected pages
 * that are written (see {@link io.simplecrawler.exporter.progress.ProgressColumn}), capped at 99
 * until completion and never lowered. Every counter is added to, never recounted.
 *
 * <p>The exporter emits {@code STARTED} and {@code COMPLETED} ({@link io.simplecrawler.exporter.kafka.JobEvents})
 * and ignores those types when it reads {@code crawl.events} back. It emits no {@code PROGRESS}:
 * the frontier's {@code PROGRESS} carries no source, so an exporter one could not be told apart
 * from it; live counts are in the row.
 *
 * <p>Every transaction that touches several rows first locks them in id order
 * ({@link io.simplecrawler.exporter.progress.JobRowLocks}), so the two listeners never deadlock.
 */
package io.simplecrawler.exporter.progress;
