package io.simplecrawler.gateway.firecrawl;

import io.micronaut.http.HttpRequest;
import java.util.regex.Pattern;

/**
 * The API's base URL as the client reached it (through nginx: its Host and X-Forwarded-Proto),
 * for the absolute URLs Firecrawl's answers carry ({@code next}, a crawl's status URL).
 */
final class PublicUrl {
    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?");

    private PublicUrl() {}

    static String base(HttpRequest<?> request) {
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        String scheme = "https".equalsIgnoreCase(proto) || (proto == null && request.isSecure()) ? "https" : "http";
        String host = request.getHeaders().get("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            host = request.getServerAddress().getHostString() + ":"
                    + request.getServerAddress().getPort();
        }
        return scheme + "://" + host;
    }
}
