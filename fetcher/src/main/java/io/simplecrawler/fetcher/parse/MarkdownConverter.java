package io.simplecrawler.fetcher.parse;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * GitHub-flavoured Markdown from a jsoup element with flexmark's html2md converter: ATX
 * headings, "-" bullets, pipe tables, fenced code blocks with the language of
 * {@code <code class="language-x">}. Thread-safe: the converter keeps no state between calls.
 */
final class MarkdownConverter {
    private final FlexmarkHtmlConverter converter = FlexmarkHtmlConverter.builder(new MutableDataSet()
                    .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
                    .set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-')
                    .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
                    // no {#id} after headings and for empty anchors: ids mean nothing away from the page
                    .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
                    .set(FlexmarkHtmlConverter.MAX_BLANK_LINES, 1))
            .build();

    /** Flattens the element's layout containers first ({@link LayoutContainers}), so it changes the tree. */
    String convert(Element element) {
        LayoutContainers.flatten(element);
        // the converter looks at the parent of some elements, so a detached one gets a document around it
        Element attached = element.parent() != null ? element : shell(element);
        return converter.convert(attached).strip();
    }

    private static Element shell(Element element) {
        Document document = Document.createShell(element.baseUri());
        document.body().appendChild(element);
        return document.body();
    }
}
