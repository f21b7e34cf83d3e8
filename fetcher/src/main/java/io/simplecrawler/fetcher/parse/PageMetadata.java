package io.simplecrawler.fetcher.parse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself in its markup.
 *
 * @param description the meta description (or Open Graph description), or null
 * @param language    the declared language ({@code <html lang>} or Content-Language meta), or null
 * @param canonical   the absolute http(s) URL of {@code <link rel=canonical>}, or null
 */
record PageMetadata(String description, String language, String canonical) {

    static PageMetadata of(Document document) {
        return new PageMetadata(
                firstContent(document, "meta[name=description], meta[property=og:description]"),
                language(document),
                canonical(document));
    }

    private static String language(Document document) {
        Element html = document.selectFirst("html[lang]");
        String language = html != null ? html.attr("lang").strip() : null;
        return language != null && !language.isEmpty() ? language : firstContent(document, "meta[http-equiv=content-language]");
    }

    private static String canonical(Document document) {
        Element link = document.selectFirst("link[rel=canonical][href]");
        String url = link == null ? "" : link.absUrl("href");
        return PageLinks.isHttp(url) ? url : null;
    }

    private static String firstContent(Document document, String query) {
        for (Element meta : document.select(query)) {
            String content = meta.attr("content").strip();
            if (!content.isEmpty()) {
                return content;
            }
        }
        return null;
    }
}
