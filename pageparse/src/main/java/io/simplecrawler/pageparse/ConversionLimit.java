package io.simplecrawler.pageparse;

import org.jsoup.nodes.Element;

/**
 * Whether a page's content can be converted to Markdown in reasonable time. The conversion (the
 * flattening of layout containers, then flexmark) takes time quadratic in an element's number of
 * children, so one element with 100,000 of them (an endless list, or a nesting 100,000 deep,
 * which jsoup flattens below 512 levels) holds a parse thread for minutes. Such a page's
 * Markdown is its plain text, and it gets no reader view.
 */
final class ConversionLimit {
    static final int MAX_CHILDREN = 10_000;

    private ConversionLimit() {}

    static boolean allows(Element content) {
        return content.stream().noneMatch(element -> element.childNodeSize() > MAX_CHILDREN);
    }
}
