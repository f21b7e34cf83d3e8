/**
 * Completing a job: exactly when the frontier has reported how many page records the job will
 * have ({@code pages_total}) and that many rows of the job are in {@code exported_pages}, as
 * counted in {@code pages_written} by the same transactions that insert them.
 * {@link io.simplecrawler.exporter.completion.JobFinaliser} is asked after every batch of
 * either topic about the jobs the batch touched whose page count is known (a page batch that
 * commits before the count arrives leaves the question to the event batch that brings it), so
 * a job is never completed early and never left waiting, even when the records that finish it
 * are replays.
 */
package io.simplecrawler.exporter.completion;
