/**
 * The export of {@code crawl.pages} (consumed by {@code listen.ExporterListener}) and the table {@code exported_pages}.
 *
 * <p>A page record is written once per (job, URL) however often it is delivered: in one
 * transaction per batch, the batch's jobs are locked, the pages are inserted into
 * {@code exported_pages} (primary key (job_id, url)), only the rows actually inserted are
 * appended to the jobs' {@code pages.jsonl} (forced to disk) and added to the counters, and
 * then the transaction commits. Cancelled page records get a row, since they count toward
 * completion, but no line. Pages of jobs without a row are dead-lettered. A job whose journal
 * cannot be written fails in that transaction, alone; its pages are not counted, nor are
 * those of a job already failed, whose files are no longer kept.
 */
package io.simplecrawler.exporter.pages;
