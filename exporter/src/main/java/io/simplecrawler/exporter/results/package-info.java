/**
 * The result files of a job, under {@code <RESULTS_DIR>/<jobId>/}.
 *
 * <p>{@code pages.jsonl} is the job's journal: one {@link io.simplecrawler.schemas.PageRecord}
 * per line, appended as pages arrive (fetched and failed ones; cancelled ones are left out) and
 * forced to disk before the batch's database transaction commits, so memory does not grow with
 * the job. A crash between the two can leave a line twice. At completion
 * {@link io.simplecrawler.exporter.results.ResultFiles#prepare} writes the final files under
 * temporary names (starting with a dot, so the gateway does not list them), and
 * {@link io.simplecrawler.exporter.results.FinalFiles#commit} puts each in place by an atomic
 * rename, so a reader sees either no file or the whole one:
 *
 * <ol>
 *   <li>{@code crawl.warc.gz} when the job asked for it: WARC 1.1 request and response records
 *       from the HTTP exchanges the fetcher captured into the page records;
 *   <li>{@code pages.jsonl} again, each URL once and without the exchanges: made in the same pass
 *       over the journal as the WARC, and kept as it is (not rewritten) when it is that already,
 *       as it is unless a crash or a WARC left more ({@link io.simplecrawler.exporter.results.FinalJournal});
 *   <li>the primary file of the job's format, fetched pages only, in crawl order (depth, then
 *       arrival): {@code results.md} for markdown (whole pages), readable (main content, byline,
 *       excerpt) and summary (overview with section tree and key terms, then each page's
 *       summary and keywords), {@code results.json} for json;
 *   <li>{@code manifest.json}: the job and every file's size and SHA-256, last; the digests are
 *       taken while the files are written, not by reading them again.
 * </ol>
 */
package io.simplecrawler.exporter.results;
