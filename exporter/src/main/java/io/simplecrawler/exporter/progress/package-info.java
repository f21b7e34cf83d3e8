/**
 * The progress columns of a job's row in {@code jobs}.
 *
 * <p>From page records ({@link io.simplecrawler.exporter.progress.PageCounts}):
 * {@code pages_crawled}, {@code pages_failed}, {@code bytes_downloaded}, {@code pages_written},
 * and the move from {@code pending} to {@code running} with {@code started_at}. From the
 * frontier's facts on {@code crawl.frontier} ({@link io.simplecrawler.exporter.progress.CrawlProgress}):
 * {@code pages_admitted} and {@code links_filtered} ({@code UrlsAdmitted}), {@code pages_total}
 * ({@code CrawlFinished}) and the move to {@code failed} ({@code JobRejected}). {@code progress}
 * is the share of the expected pages that are written (see
 * {@link io.simplecrawler.exporter.progress.ProgressColumn}), capped at 99 until completion and
 * never lowered. Every counter is added to, never recounted.
 *
 * <p>The exporter alone writes the public {@code crawl.events} ({@link io.simplecrawler.exporter.kafka.JobEvents})
 * and never reads it. It emits no progress events: live counts are in the row.
 *
 * <p>Every transaction that touches several rows first locks them in id order
 * ({@link io.simplecrawler.exporter.progress.JobRowLocks}), so the two listeners never deadlock.
 */
package io.simplecrawler.exporter.progress;
