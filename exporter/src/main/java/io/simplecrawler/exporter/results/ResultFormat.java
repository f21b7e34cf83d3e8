package io.simplecrawler.exporter.results;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a job's primary result file from its pages in crawl order. */
interface ResultFormat {
    void write(JobSummary job, CrawlOrder pages, OutputStream out) throws IOException;
}
