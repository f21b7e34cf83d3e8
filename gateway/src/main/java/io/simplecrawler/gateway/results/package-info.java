/**
 * Result files of jobs, read from the results folder the exporter writes: their downloads, the
 * listing and deletion the job resource asks for ({@link io.simplecrawler.gateway.job.JobFiles}),
 * and the one reader of a job's {@code pages.jsonl} ({@link io.simplecrawler.gateway.results.PagesJournal}),
 * for the dashboard's page views and the Firecrawl routes' documents.
 */
package io.simplecrawler.gateway.results;
