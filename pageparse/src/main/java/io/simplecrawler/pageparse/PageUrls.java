package io.simplecrawler.pageparse;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;

/**
 * {@link Element#absUrl} for the elements of one page, with the same answers for less work:
 * jsoup parses the base URL again and strips control characters from both URLs with a regex for
 * every call, and the page's links are resolved twice (for its link list, then for its Markdown).
 * Here the base is parsed once, URLs without control characters go straight to jsoup's resolver,
 * and each href is resolved once. Not thread-safe: one per parse.
 */
final class PageUrls {
    private final String baseUri;
    private final URL base;
    private final Map<String, String> resolved = new HashMap<>();

    PageUrls(String baseUri) {
        this.baseUri = baseUri;
        this.base = hasControlCharacters(baseUri) ? null : parse(baseUri);
    }

    /** The attribute's URL made absolute, or "" when the element has no such attribute or it cannot be resolved. */
    String absolute(Element element, String attribute) {
        if (!element.hasAttr(attribute)) {
            return "";
        }
        String url = element.attr(attribute);
        // a <base href> in the page changes the base of its elements
        return baseUri.equals(element.baseUri())
                ? resolved.computeIfAbsent(url, this::resolve)
                : StringUtil.resolve(element.baseUri(), url);
    }

    private String resolve(String url) {
        if (base != null && !hasControlCharacters(url)) {
            try {
                return StringUtil.resolve(base, url).toExternalForm();
            } catch (MalformedURLException e) {
                // jsoup's own handling below: hrefs with a scheme but no valid URL, and the empty answer
            }
        }
        return StringUtil.resolve(baseUri, url);
    }

    /** What jsoup strips from URLs before resolving them. */
    private static boolean hasControlCharacters(String url) {
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }

    private static URL parse(String url) {
        try {
            return new URL(url);
        } catch (MalformedURLException e) {
            return null;
        }
    }
}
