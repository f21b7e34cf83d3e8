package io.simplecrawler.pageparse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A page's links: absolute http(s) URLs without fragments, each once, in document order, and
 * the same split by host.
 *
 * @param all      every link, for the frontier
 * @param internal the links to the page's own host
 * @param external the links to other hosts
 */
record PageLinks(List<String> all, List<String> internal, List<String> external) {
    private static final Evaluator ANCHORS = QueryParser.parse("a[href]");

    static PageLinks of(Document document, PageUrls urls) {
        Set<String> links = new LinkedHashSet<>();
        for (Element anchor : document.select(ANCHORS)) {
            String url = withoutFragment(urls.absolute(anchor, "href"));
            if (isHttp(url)) {
                links.add(url);
            }
        }
        String host = hostOf(document.location());
        List<String> internal = new ArrayList<>();
        List<String> external = new ArrayList<>();
        for (String link : links) {
            (host != null && host.equals(hostOf(link)) ? internal : external).add(link);
        }
        return new PageLinks(List.copyOf(links), internal, external);
    }

    /** Also false for mailto:, javascript:, tel: and hrefs that could not be made absolute (empty). */
    static boolean isHttp(String url) {
        return url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8);
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Read by hand rather than with {@link java.net.URI}, which rejects hrefs browsers accept (spaces, "|"). */
    private static String hostOf(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return null;
        }
        start += 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostAndPort.lastIndexOf(':');
        // an IPv6 host ([::1]) has colons of its own; a port's colon comes after its "]"
        String host = colon > hostAndPort.lastIndexOf(']') ? hostAndPort.substring(0, colon) : hostAndPort;
        return host.toLowerCase(Locale.ROOT);
    }
}
