package io.simplecrawler.fetcher.parse;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Parses an HTML page once with jsoup and takes the title, text, links and Markdown from the
 * same tree. Thread-safe: the converter keeps no state between calls.
 */
@Singleton
public class PageParser {
    /** Not content: dropped before the Markdown conversion (the text keeps them, as a browser shows them). */
    private static final String NOT_CONTENT = "script, style, nav, header, footer, form, noscript, [hidden]";

    private final FlexmarkHtmlConverter converter = FlexmarkHtmlConverter.builder().build();

    /**
     * @param body    the raw bytes of the page
     * @param charset the charset from the Content-Type header, or null to detect it from the page
     * @param baseUri the URL the page was fetched from (after redirects), for resolving links
     */
    public ParsedPage parse(byte[] body, String charset, String baseUri) {
        Document document = parseDocument(body, charset, baseUri);
        Element content = document.body();
        String title = document.title().isBlank() ? null : document.title().strip();
        String text = content.text();
        Set<String> links = links(document);
        content.select(NOT_CONTENT).remove();
        absolutize(content);
        String markdown = converter.convert(content).strip();
        return new ParsedPage(title, text, markdown, new ArrayList<>(links));
    }

    private static Document parseDocument(byte[] body, String charset, String baseUri) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset, baseUri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> links(Document document) {
        Set<String> links = new LinkedHashSet<>();
        for (Element anchor : document.select("a[href]")) {
            String url = withoutFragment(anchor.absUrl("href"));
            if (isHttp(url)) {
                links.add(url);
            }
        }
        return links;
    }

    /** The Markdown is read away from the page, so its links and images must not be relative. */
    private static void absolutize(Element content) {
        for (Element element : content.select("a[href], img[src]")) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            String absolute = element.absUrl(attribute);
            if (!absolute.isEmpty()) {
                element.attr(attribute, absolute);
            }
        }
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Also drops mailto:, javascript:, tel: and hrefs that could not be made absolute (empty). */
    private static boolean isHttp(String url) {
        return url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8);
    }
}
