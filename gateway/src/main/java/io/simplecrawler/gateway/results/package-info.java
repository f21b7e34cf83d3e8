/**
 * Result files of completed jobs, read from the results folder the exporter writes: their
 * downloads, and the listing and deletion the job resource asks for
 * ({@link io.simplecrawler.gateway.job.JobFiles}).
 */
package io.simplecrawler.gateway.results;
