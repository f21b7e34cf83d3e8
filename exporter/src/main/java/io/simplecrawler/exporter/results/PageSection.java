package io.simplecrawler.exporter.results;

import io.simplecrawler.schemas.PageRecord;
import java.io.IOException;
import java.io.Writer;

/** The start of a page's section in a Markdown result file: "## title", then where the page came from. */
final class PageSection {
    /** The page's own headings go below its "##" section heading. */
    static final int HEADING_LEVELS_BELOW = 2;

    private PageSection() {}

    static void writeHeading(Writer out, PageRecord page, String title) throws IOException {
        out.write("## " + oneLine(title == null || title.isBlank() ? page.url() : title) + "\n\n");
        boolean redirected = page.finalUrl() != null && !page.finalUrl().equals(page.url());
        out.write("Source: <" + page.url() + ">" + (redirected ? " (redirected to <" + page.finalUrl() + ">)" : "")
                + "\n\n");
    }

    /** A page's Markdown below its section heading, or nothing when it has none. */
    static void writeBody(Writer out, String markdown) throws IOException {
        if (markdown != null && !markdown.isBlank()) {
            out.write(HeadingShift.shift(markdown.strip(), HEADING_LEVELS_BELOW));
            out.write("\n\n");
        }
    }

    /** A heading must stay on one line. */
    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
