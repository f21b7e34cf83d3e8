/**
 * The exporter turns page records into result files and keeps each job's progress in Postgres.
 *
 * <p>It reads {@code crawl.pages} and the frontier's {@code crawl.frontier} with batch listeners
 * (group {@code exporter}), is the only writer of the public job lifecycle on {@code crawl.events}
 * ({@code STARTED}, {@code PAGE}, {@code COMPLETED}, {@code FAILED}, {@code CANCELLED}), and owns:
 * <ul>
 *   <li>the result files under {@code <RESULTS_DIR>/<jobId>/}: {@code pages.jsonl}, one line per
 *       fetched or failed page, and the primary file of the job's format ({@code results.md} or
 *       {@code results.json}) written when the job completes ({@link io.simplecrawler.exporter.results});</li>
 *   <li>the table {@code exported_pages}, one row per (job, URL) written, which makes replayed
 *       records harmless ({@link io.simplecrawler.exporter.pages});</li>
 *   <li>the progress columns of {@code jobs}: counters, {@code pages_admitted}, {@code pages_total},
 *       {@code pages_written}, {@code progress}, and the moves pending &rarr; running &rarr; completed
 *       (or to failed when the frontier rejects the job, the seed was not fetched or the
 *       job's files cannot be written) ({@link io.simplecrawler.exporter.progress}, {@link io.simplecrawler.exporter.completion}).</li>
 * </ul>
 *
 * <p>Packages: {@code pages} and {@code facts} hold the two listeners and what each batch does;
 * {@code progress} the SQL of the progress columns; {@code completion} the finaliser, which
 * works on threads of its own, off the consumer threads;
 * {@code results} the files; {@code kafka} topic creation, dead letters, retries with backoff
 * and sending with acknowledgement.
 *
 * <p>A batch's offsets are committed only after its effects are durable: file data forced to
 * disk, the database transaction committed, the dead letters and job events acknowledged. A
 * job is completed exactly when the frontier has said how many page records it will have
 * ({@code CrawlFinished}) and that many are in {@code exported_pages} (counted in {@code pages_written}).
 * What can fail one job (its files) fails that job alone; what can fail a record (its data)
 * dead-letters that record alone; only the infrastructure (Postgres, the broker) stops a
 * partition, retried with backoff while {@code /health} is DOWN.
 */
package io.simplecrawler.exporter;
