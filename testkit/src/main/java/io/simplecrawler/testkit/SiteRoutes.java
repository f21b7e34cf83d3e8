package io.simplecrawler.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * Handlers for {@link TestSite.Builder#route(String, HttpHandler)}: the pages a crawler's rules
 * are tested against (redirects, gzip, huge and trickling bodies, flaky servers, a calendar trap).
 *
 * <pre>{@code
 * TestSite.tree(2, 1)
 *         .route("/loop-a", SiteRoutes.redirect(302, "/loop-b"))
 *         .route("/busy", SiteRoutes.failing(1, 429, Map.of("Retry-After", "1")))
 *         .start();
 * }</pre>
 */
public final class SiteRoutes {
    private static final String HTML = "text/html; charset=utf-8";

    private SiteRoutes() {}

    /** An HTML page titled {@code title} with these links. */
    public static String page(String title, String... hrefs) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><title>")
                .append(title)
                .append("</title></head><body><h1>")
                .append(title)
                .append("</h1>\n<ul>\n");
        for (String href : hrefs) {
            html.append("<li><a href=\"")
                    .append(href)
                    .append("\">")
                    .append(href)
                    .append("</a></li>\n");
        }
        return html.append("</ul></body></html>\n").toString();
    }

    /** Always the same answer, with extra headers. */
    public static HttpHandler fixed(int status, String contentType, String body, Map<String, String> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            headers.forEach(exchange.getResponseHeaders()::set);
            send(exchange, status, contentType, bytes);
        };
    }

    /** An HTML page. */
    public static HttpHandler html(String html) {
        return fixed(200, HTML, html, Map.of());
    }

    /** Answers {@code status} with {@code Location: location}. */
    public static HttpHandler redirect(int status, String location) {
        return fixed(status, HTML, "<html><body>Moved</body></html>", Map.of("Location", location));
    }

    /** The HTML page gzip-compressed (Content-Encoding: gzip) to clients that accept gzip, plain to others. */
    public static HttpHandler gzip(String html) {
        byte[] plain = html.getBytes(StandardCharsets.UTF_8);
        byte[] compressed = gzipped(plain);
        return exchange -> {
            String accepts = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            if (accepts != null && accepts.contains("gzip")) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                send(exchange, 200, HTML, compressed);
            } else {
                send(exchange, 200, HTML, plain);
            }
        };
    }

    /**
     * An HTML page of {@code bytes} bytes (a title, then a paragraph of filler), gzip-compressed
     * when {@code compressed}: a small download that inflates to the full size.
     */
    public static HttpHandler huge(String title, int bytes, boolean compressed) {
        String head = "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><p>";
        byte[] plain = (head + "x".repeat(Math.max(0, bytes - head.length()))).getBytes(StandardCharsets.UTF_8);
        if (!compressed) {
            return exchange -> send(exchange, 200, HTML, plain);
        }
        byte[] body = gzipped(plain);
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            send(exchange, 200, HTML, body);
        };
    }

    /** Answers 200 at once, then sends its HTML body one byte every {@code every}: a server that trickles. */
    public static HttpHandler trickle(Duration every) {
        byte[] body = page("Trickle").getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", HTML);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    pause(every);
                }
            }
        };
    }

    /**
     * Answers the first {@code failures} requests with {@code status} and {@code headers} (e.g. 429
     * with Retry-After), then an HTML page titled "Recovered".
     */
    public static HttpHandler failing(int failures, int status, Map<String, String> headers) {
        AtomicInteger requests = new AtomicInteger();
        HttpHandler failure = fixed(status, HTML, "<html><body>Status " + status + "</body></html>", headers);
        HttpHandler recovered = html(page("Recovered"));
        return exchange -> (requests.incrementAndGet() <= failures ? failure : recovered).handle(exchange);
    }

    /**
     * An endless calendar under the route's prefix: every page links to {@code next/} and {@code
     * next/?view=week}, relative, so that following them builds ever longer paths
     * ({@code /calendar/next/next/...}), as a careless "next month" link does.
     */
    public static HttpHandler calendar() {
        return exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String html = page("Calendar " + path, "next/", "next/?view=week");
            send(exchange, 200, HTML, html.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** An HTML page whose title is the request's User-Agent header. */
    public static HttpHandler userAgentEcho() {
        return exchange -> {
            String agent = exchange.getRequestHeaders().getFirst("User-Agent");
            send(exchange, 200, HTML, page(String.valueOf(agent)).getBytes(StandardCharsets.UTF_8));
        };
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean noBody = exchange.getRequestMethod().equals("HEAD") || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] gzipped(byte[] plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void pause(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
