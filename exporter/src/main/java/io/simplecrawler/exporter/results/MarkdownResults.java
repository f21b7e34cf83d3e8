package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.PageRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** {@code results.md}: one section per page, {@code ## <title>}, then the page's URL, then its Markdown. */
final class MarkdownResults implements ResultFormat {
    @Override
    public void write(JobSummary job, CrawlOrder pages, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        pages.forEach(page -> {
            writer.write("## " + heading(page) + "\n\n");
            writer.write("<" + page.url() + ">\n\n");
            if (page.markdown() != null && !page.markdown().isBlank()) {
                writer.write(page.markdown().strip());
                writer.write("\n\n");
            }
        });
        writer.flush();
    }

    /** A heading must stay on one line, and a page without a title is named by its URL. */
    private static String heading(PageRecord page) {
        String title = page.title() == null ? "" : page.title().replaceAll("\\s+", " ").strip();
        return title.isEmpty() ? page.url() : title;
    }
}
