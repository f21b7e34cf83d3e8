package io.simplecrawler.fetcher.parse;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * GitHub-flavoured Markdown from a jsoup element with flexmark's html2md converter: ATX
 * headings, "-" bullets, pipe tables, fenced code blocks with the language of
 * {@code <code class="language-x">}. Thread-safe: the converter keeps no state between calls.
 */
final class MarkdownConverter {
    /**
     * What flexmark's typographic replacements look for (curly quotes to straight ones, dashes and
     * ellipses to ASCII) with a regex of alternatives run over every text node, the largest single
     * cost of a conversion; a page without any of them converts the same without that pass.
     */
    private static final List<String> TYPOGRAPHIC = List.of(
            "“",
            "”",
            "‘",
            "’",
            "«",
            "»",
            "…",
            "–",
            "—",
            "&ldquo;",
            "&rdquo;",
            "&lsquo;",
            "&rsquo;",
            "&apos;",
            "&laquo;",
            "&raquo;",
            "&hellip;",
            "&endash;",
            "&emdash;");

    private final FlexmarkHtmlConverter typographic = converter(true);
    private final FlexmarkHtmlConverter plain = converter(false);

    private static FlexmarkHtmlConverter converter(boolean typographic) {
        return FlexmarkHtmlConverter.builder(new MutableDataSet()
                        .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
                        .set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-')
                        .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
                        // no {#id} after headings and for empty anchors: ids mean nothing away from the page
                        .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
                        .set(FlexmarkHtmlConverter.MAX_BLANK_LINES, 1)
                        .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, typographic)
                        .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, typographic))
                .build();
    }

    /** Flattens the element's layout containers first ({@link LayoutContainers}), so it changes the tree. */
    String convert(Element element) {
        LayoutContainers.flatten(element);
        // the converter looks at the parent of some elements, so a detached one gets a document around it
        Element attached = element.parent() != null ? element : shell(element);
        return (hasTypography(attached) ? typographic : plain).convert(attached).strip();
    }

    private static boolean hasTypography(Element element) {
        return element.nodeStream(TextNode.class).anyMatch(text -> {
            String value = text.getWholeText();
            return TYPOGRAPHIC.stream().anyMatch(value::contains);
        });
    }

    private static Element shell(Element element) {
        Document document = Document.createShell(element.baseUri());
        document.body().appendChild(element);
        return document.body();
    }
}
