/**
 * A job's pages as the dashboard reads them, read-only: the page list of the job's
 * {@code pages.jsonl} (the exporter's journal, read through {@code results}) with search, an
 * outcome filter and histograms of outcomes, status codes, depths and fetch times; one page's
 * content; and the pages written per second, from the exporter's {@code exported_pages} rows.
 */
package io.simplecrawler.gateway.pages;
