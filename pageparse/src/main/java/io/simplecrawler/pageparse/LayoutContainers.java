package io.simplecrawler.pageparse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Flattens layout containers ({@code div}, {@code section}, {@code figure}...) into the blocks
 * they hold. flexmark's converter does not end a paragraph before a container, so
 * {@code <p>One</p><section><p>Two</p></section>} would become one Markdown paragraph; without
 * the containers it sees a plain run of blocks. A container of inline content only becomes a
 * paragraph, and loose inline content beside blocks is wrapped in one.
 */
final class LayoutContainers {
    private static final Evaluator CONTAINERS = QueryParser.parse(
            "div, section, article, main, header, footer, aside, figure, details, hgroup, center, address");
    /** Blocks flexmark does not know as paragraphs. */
    private static final Evaluator PARAGRAPH_LIKE = QueryParser.parse("figcaption, summary");

    private LayoutContainers() {}

    static void flatten(Element root) {
        root.select(PARAGRAPH_LIKE).forEach(element -> element.tagName("p"));
        List<Element> containers = new ArrayList<>(root.select(CONTAINERS));
        containers.remove(root);
        // innermost first, so that every container sees its children already flattened
        for (int i = containers.size() - 1; i >= 0; i--) {
            flattenOne(containers.get(i));
        }
    }

    private static void flattenOne(Element container) {
        if (container.children().stream().noneMatch(Element::isBlock)) {
            container.tagName("p");
            return;
        }
        List<Node> inlineRun = new ArrayList<>();
        for (Node child : new ArrayList<>(container.childNodes())) {
            if (child instanceof Element element && element.isBlock()) {
                wrapInParagraph(inlineRun);
                inlineRun.clear();
            } else {
                inlineRun.add(child);
            }
        }
        wrapInParagraph(inlineRun);
        container.unwrap();
    }

    private static void wrapInParagraph(List<Node> inlineRun) {
        // blank text and layout line breaks (DocBook's table-break) would become empty paragraphs or a raw <br />
        if (inlineRun.stream()
                .allMatch(node -> node instanceof TextNode text && text.isBlank()
                        || node instanceof Element element && element.nameIs("br"))) {
            inlineRun.forEach(Node::remove);
            return;
        }
        Element paragraph = new Element("p");
        inlineRun.get(0).before(paragraph);
        inlineRun.forEach(paragraph::appendChild);
    }
}
