package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.PageSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code results.md} of the summary format: an overview of the crawl (page counts, the site's
 * section tree, the key terms found on the most pages), then per page its title, source URL,
 * extractive summary and keywords. Two passes over the journal: the overview comes first but
 * needs every page.
 */
final class SummaryResults implements ResultFormat {
    private static final int KEY_TERMS = 15;

    @Override
    public void write(JobSummary job, CrawlOrder pages, OutputStream out) throws IOException {
        SectionTree sections = new SectionTree();
        Map<String, Integer> pagesByKeyword = new LinkedHashMap<>();
        pages.forEach(page -> {
            sections.add(page.finalUrl() != null ? page.finalUrl() : page.url());
            if (page.summary() != null && page.summary().keywords() != null) {
                page.summary().keywords().forEach(keyword -> pagesByKeyword.merge(keyword, 1, Integer::sum));
            }
        });

        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("# Summary of the crawl of " + job.url() + "\n\n");
        writer.write("## Overview\n\n");
        writer.write(sections.pages() + " pages fetched, " + job.pagesFailed() + " failed, " + job.pagesTotal()
                + " in all.\n\n");
        if (sections.pages() > 0) {
            writer.write("### Sections\n\n");
            sections.write(writer);
            writer.write("\n");
        }
        if (!pagesByKeyword.isEmpty()) {
            writer.write("### Key terms\n\n" + keyTerms(pagesByKeyword) + "\n\n");
        }
        pages.forEach(page -> {
            PageSection.writeHeading(writer, page, page.title());
            PageSummary summary = page.summary();
            String sentences =
                    summary == null || summary.sentences() == null ? "" : String.join(" ", summary.sentences());
            String text = sentences.isBlank() && page.description() != null ? page.description() : sentences;
            if (!text.isBlank()) {
                writer.write(text + "\n\n");
            }
            if (summary != null
                    && summary.keywords() != null
                    && !summary.keywords().isEmpty()) {
                writer.write("**Keywords:** " + String.join(", ", summary.keywords()) + "\n\n");
            }
        });
        writer.flush();
    }

    /** The terms on the most pages, most first; ties keep the crawl order (the sort is stable). */
    private static String keyTerms(Map<String, Integer> pagesByKeyword) {
        return pagesByKeyword.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(KEY_TERMS)
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
    }
}
