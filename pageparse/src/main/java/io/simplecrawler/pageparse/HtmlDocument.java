package io.simplecrawler.pageparse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A page's jsoup tree from its bytes. Without a charset from the Content-Type header jsoup
 * detects one by parsing the page's first 5 KB as UTF-8 for a {@code <meta charset>} and then
 * parsing the whole page again, so a 10 KB page is parsed one and a half times. Most pages are
 * UTF-8: parse the whole page once as UTF-8, and keep that tree when nothing in it declares
 * another charset (the declarations jsoup reads: byte order mark, meta tags, XML declaration);
 * otherwise let jsoup detect as before.
 */
final class HtmlDocument {
    /** What jsoup's DataUtil reads the declared charset from. */
    private static final Evaluator CHARSET_DECLARATIONS =
            QueryParser.parse("meta[http-equiv=content-type], meta[charset]");

    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("(?i)\\bcharset=\\s*(?:[\"'])?([^\\s,;\"']*)");
    private static final String UTF_8 = "UTF-8";

    private HtmlDocument() {}

    /**
     * @param charset the charset from the Content-Type header, or null to detect it from the page
     *                (byte order mark, then {@code <meta charset>} or {@code http-equiv}, else UTF-8)
     */
    static Document parse(byte[] body, String charset, String baseUri) {
        if (charset == null && !mayStartWithByteOrderMark(body)) {
            Document utf8 = parseAs(body, UTF_8, baseUri);
            if (declaresOnlyUtf8(utf8)) {
                return utf8;
            }
        }
        return parseAs(body, charset, baseUri);
    }

    private static Document parseAs(byte[] body, String charset, String baseUri) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset, baseUri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first byte of every byte order mark jsoup knows (UTF-8, UTF-16 and UTF-32, either order). */
    private static boolean mayStartWithByteOrderMark(byte[] body) {
        return body.length > 0
                && (body[0] == (byte) 0xEF || body[0] == (byte) 0xFE || body[0] == (byte) 0xFF || body[0] == 0);
    }

    /** Stricter than jsoup: any declaration of another name, even an alias of UTF-8, lets jsoup decide. */
    private static boolean declaresOnlyUtf8(Document document) {
        for (Element meta : document.select(CHARSET_DECLARATIONS)) {
            Matcher declared = CONTENT_TYPE_CHARSET.matcher(meta.attr("content"));
            while (declared.find()) {
                if (!isUtf8(declared.group(1))) {
                    return false;
                }
            }
            if (!isUtf8(meta.attr("charset"))) {
                return false;
            }
        }
        XmlDeclaration xml = xmlDeclaration(document);
        return xml == null || isUtf8(xml.attr("encoding"));
    }

    private static XmlDeclaration xmlDeclaration(Document document) {
        Node first = document.childNodeSize() > 0 ? document.childNode(0) : null;
        if (first instanceof XmlDeclaration declaration) {
            return declaration;
        }
        return first instanceof Comment comment && comment.isXmlDeclaration() ? comment.asXmlDeclaration() : null;
    }

    private static boolean isUtf8(String name) {
        String unquoted = name.strip().replace("\"", "").replace("'", "");
        return unquoted.isEmpty() || unquoted.equalsIgnoreCase(UTF_8);
    }
}
