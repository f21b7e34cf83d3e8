/**
 * The gateway: the REST API of SimpleCrawler.
 *
 * <p>It owns the rows of the Postgres {@code jobs} table (the exporter keeps their progress
 * columns), publishes {@code JobSubmitted} and {@code JobCancelled} to {@code crawl.jobs} through
 * a transactional outbox ({@link io.simplecrawler.gateway.job.JobSubmission},
 * {@link io.simplecrawler.gateway.job.OutboxRelay}), and serves result files from the shared
 * results folder.
 */
package io.simplecrawler.gateway;
