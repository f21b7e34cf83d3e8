package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.ReadableArticle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code results.md} of the readable format: like the markdown format, but each page is its
 * main content only, as a reader view shows it, led by its byline and excerpt when found. A page
 * where no article was found keeps its whole Markdown.
 */
final class ReadableResults implements ResultFormat {
    @Override
    public void write(JobSummary job, CrawlOrder pages, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("# Crawl of " + job.url() + "\n\n");
        pages.forEach(page -> {
            ReadableArticle article = page.readable();
            if (article == null) {
                PageSection.writeHeading(writer, page, page.title());
                PageSection.writeBody(writer, page.markdown());
                return;
            }
            PageSection.writeHeading(writer, page, article.title() != null ? article.title() : page.title());
            if (article.byline() != null) {
                writer.write("*" + PageSection.oneLine(article.byline()) + "*\n\n");
            }
            if (article.excerpt() != null) {
                writer.write("> " + PageSection.oneLine(article.excerpt()) + "\n\n");
            }
            PageSection.writeBody(writer, article.markdown());
        });
        writer.flush();
    }
}
