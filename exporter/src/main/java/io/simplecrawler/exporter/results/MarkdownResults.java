package io.simplecrawler.exporter.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code results.md} of the markdown format: a title naming the crawl, then one section per
 * fetched page in crawl order: {@code ## <title>}, the source URL, then the page's Markdown with
 * its headings moved below the section's.
 */
final class MarkdownResults implements ResultFormat {
    @Override
    public void write(JobSummary job, CrawlOrder pages, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("# Crawl of " + job.url() + "\n\n");
        pages.forEach(page -> {
            PageSection.writeHeading(writer, page, page.title());
            PageSection.writeBody(writer, page.markdown());
        });
        writer.flush();
    }
}
