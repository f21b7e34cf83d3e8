package io.simplecrawler.pageparse.summary;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

/**
 * The prose of a page's content, one string per block (paragraph, list item, quote...), with
 * the headings apart. Code blocks and tables are left out: they are not sentences.
 *
 * @param paragraphs the text of each block, whitespace collapsed, in document order
 * @param headings   the text of each heading, in document order
 */
record ProseBlocks(List<String> paragraphs, List<String> headings) {
    private static final Evaluator NOT_PROSE = QueryParser.parse("pre, table, math, svg");

    static ProseBlocks of(Element content) {
        Collector collector = new Collector();
        content.filter(collector);
        collector.flush();
        return new ProseBlocks(collector.paragraphs, collector.headings);
    }

    private static final class Collector implements NodeFilter {
        final List<String> paragraphs = new ArrayList<>();
        final List<String> headings = new ArrayList<>();
        private final StringBuilder block = new StringBuilder();

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                block.append(text.text());
            } else if (node instanceof Element element) {
                if (element.is(NOT_PROSE)) {
                    flush();
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (element.nameIs("h1")
                        || element.nameIs("h2")
                        || element.nameIs("h3")
                        || element.nameIs("h4")
                        || element.nameIs("h5")
                        || element.nameIs("h6")) {
                    flush();
                    add(headings, element.text());
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (element.isBlock() || element.nameIs("br")) {
                    flush();
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && element.isBlock()) {
                flush();
            }
            return FilterResult.CONTINUE;
        }

        void flush() {
            add(paragraphs, block.toString());
            block.setLength(0);
        }

        private static void add(List<String> to, String text) {
            String collapsed = text.replaceAll("\\s+", " ").strip();
            if (!collapsed.isEmpty()) {
                to.add(collapsed);
            }
        }
    }
}
