package io.simplecrawler.pageparse;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * GitHub-flavoured Markdown from a jsoup element with flexmark's html2md converter: ATX
 * headings, "-" bullets, pipe tables, fenced code blocks with the language of
 * {@code <code class="language-x">}. Thread-safe: the converter keeps no state between calls.
 */
final class MarkdownConverter {
    /**
     * flexmark's typographic replacements (its {@code SPECIAL_CHARS_MAP}: curly quotes to straight
     * ones, dashes and ellipses to ASCII). flexmark looks for them with a regex of alternatives run
     * over every text node, which was the largest single cost of a conversion (18% of a fetcher's
     * CPU on the PostgreSQL manual); here only the text nodes that hold one of their first
     * characters are rewritten, before a conversion without that pass. MarkdownConverterTest
     * checks that the output is flexmark's own, but for code blocks, which flexmark rewrites too
     * and this leaves as they are written.
     */
    private static final Map<String, String> TYPOGRAPHY = Map.ofEntries(
            Map.entry("“", "\""),
            Map.entry("”", "\""),
            Map.entry("‘", "'"),
            Map.entry("’", "'"),
            Map.entry("«", "<<"),
            Map.entry("»", ">>"),
            Map.entry("…", "..."),
            Map.entry("–", "--"),
            Map.entry("—", "---"),
            Map.entry("&ldquo;", "\""),
            Map.entry("&rdquo;", "\""),
            Map.entry("&lsquo;", "'"),
            Map.entry("&rsquo;", "'"),
            Map.entry("&apos;", "'"),
            Map.entry("&laquo;", "<<"),
            Map.entry("&raquo;", ">>"),
            Map.entry("&hellip;", "..."),
            Map.entry("&endash;", "--"),
            Map.entry("&emdash;", "---"));

    private static final String FIRST_CHARACTERS = "“”‘’«»…–—&";

    private final FlexmarkHtmlConverter converter = flexmark(false);

    /** The converter with this class's options, with or without flexmark's own typographic pass. */
    static FlexmarkHtmlConverter flexmark(boolean typographic) {
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
        straightenTypography(attached);
        return converter.convert(attached).strip();
    }

    private static void straightenTypography(Element element) {
        NodeTraversor.filter(
                (node, depth) -> {
                    if (node instanceof Element block && block.nameIs("pre")) {
                        return NodeFilter.FilterResult.SKIP_ENTIRELY;
                    }
                    if (node instanceof TextNode text && hasAny(text.getWholeText())) {
                        text.text(straight(text.getWholeText()));
                    }
                    return NodeFilter.FilterResult.CONTINUE;
                },
                element);
    }

    private static String straight(String text) {
        String straight = text;
        for (Map.Entry<String, String> replacement : TYPOGRAPHY.entrySet()) {
            straight = straight.replace(replacement.getKey(), replacement.getValue());
        }
        return straight;
    }

    private static boolean hasAny(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (FIRST_CHARACTERS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Element shell(Element element) {
        Document document = Document.createShell(element.baseUri());
        document.body().appendChild(element);
        return document.body();
    }
}
