package io.simplecrawler.schemas;

import java.util.List;

/**
 * What a job's page records carry beyond the native fields, and which parts of a page are
 * converted: the scrape options of Firecrawl's API. Empty for a native job.
 *
 * @param formats     the document formats asked for ({@link #FORMATS}); the fetcher adds
 *                    {@code html} and {@code rawHtml} to a page record only when listed here,
 *                    and the Firecrawl API shows a document only the formats listed
 * @param includeTags CSS selectors: when not empty, only the elements they match are converted
 *                    (Markdown, reader view, summary, {@code html}), in document order
 * @param excludeTags CSS selectors: the elements they match are removed before the conversion
 */
public record ContentOptions(List<String> formats, List<String> includeTags, List<String> excludeTags) {
    public static final String HTML = "html";
    public static final String RAW_HTML = "rawHtml";
    /** Every format a job may list. */
    public static final List<String> FORMATS = List.of("markdown", "links", "summary", HTML, RAW_HTML);

    public static final ContentOptions NONE = new ContentOptions(List.of(), List.of(), List.of());

    public ContentOptions {
        formats = formats == null ? List.of() : List.copyOf(formats);
        includeTags = includeTags == null ? List.of() : List.copyOf(includeTags);
        excludeTags = excludeTags == null ? List.of() : List.copyOf(excludeTags);
    }

    public boolean wants(String format) {
        return formats.contains(format);
    }
}
