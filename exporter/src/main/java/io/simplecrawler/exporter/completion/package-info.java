/**
 * Completing a job: exactly when the frontier has reported how many page records the job will
 * have ({@code pages_total}) and that many rows of the job are in {@code exported_pages}, as
 * counted in {@code pages_written} by the same transactions that insert them.
 *
 * <p>The listeners only notice that a job may be ready: after every batch of either topic they
 * queue the jobs the batch touched whose page count is known
 * ({@link io.simplecrawler.exporter.completion.FinalisationQueue}; a page batch that commits
 * before the count arrives leaves it to the event batch that brings it), so a job is never
 * completed early and never left waiting, even when the records that finish it are replays.
 * {@link io.simplecrawler.exporter.completion.JobFinaliser} does the file work on threads of its
 * own, under a Postgres advisory lock per job and outside any transaction, and ends the job in one
 * short transaction under its row lock. Queued work is in memory: the jobs an exporter abandoned
 * (stopped or died mid-finalisation) stay ready in their rows, and
 * {@link io.simplecrawler.exporter.completion.ReadyJobSweep} finds them soon after start-up and
 * then periodically, on every exporter.
 */
package io.simplecrawler.exporter.completion;
