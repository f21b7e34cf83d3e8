/**
 * What a job's WARC file needs from a fetch: the raw HTTP exchanges, captured only when the job
 * asked for a WARC ({@code warc: true}) and carried to the exporter inside the page record.
 */
package io.simplecrawler.fetcher.archive;
