package io.simplecrawler.pageparse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What a page says about itself in its markup.
 *
 * @param description the meta description (or Open Graph description), or null
 * @param language    the declared language ({@code <html lang>} or Content-Language meta), or null
 * @param canonical   the absolute http(s) URL of {@code <link rel=canonical>}, or null
 */
record PageMetadata(String description, String language, String canonical) {
    private static final Evaluator DESCRIPTION =
            QueryParser.parse("meta[name=description], meta[property=og:description]");
    private static final Evaluator HTML_LANG = QueryParser.parse("html[lang]");
    private static final Evaluator CONTENT_LANGUAGE = QueryParser.parse("meta[http-equiv=content-language]");
    private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");

    static PageMetadata of(Document document) {
        return new PageMetadata(firstContent(document, DESCRIPTION), language(document), canonical(document));
    }

    private static String language(Document document) {
        Element html = document.selectFirst(HTML_LANG);
        String language = html != null ? html.attr("lang").strip() : null;
        return language != null && !language.isEmpty() ? language : firstContent(document, CONTENT_LANGUAGE);
    }

    private static String canonical(Document document) {
        Element link = document.selectFirst(CANONICAL);
        String url = link == null ? "" : link.absUrl("href");
        return PageLinks.isHttp(url) ? url : null;
    }

    private static String firstContent(Document document, Evaluator query) {
        for (Element meta : document.select(query)) {
            String content = meta.attr("content").strip();
            if (!content.isEmpty()) {
                return content;
            }
        }
        return null;
    }
}
