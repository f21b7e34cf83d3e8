/**
 * The result files of a job, under {@code <RESULTS_DIR>/<jobId>/}.
 *
 * <p>{@code pages.jsonl} is the job's journal: one {@link io.simplecrawler.schemas.PageRecord}
 * per line, appended as pages arrive (fetched and failed ones; cancelled ones are left out) and
 * forced to disk before the batch's database transaction commits. A crash between the two can
 * leave a line twice, so {@link io.simplecrawler.exporter.results.ResultFiles#writeFinal}
 * first rewrites the journal with each URL once, then writes the primary file of the job's
 * format ({@code results.md} or {@code results.json}) from it, fetched pages only, in crawl
 * order. Every rewrite goes through a temporary file and an atomic rename, so a reader sees
 * either the old file or the whole new one.
 */
package io.simplecrawler.exporter.results;
