package io.simplecrawler.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Handlers for {@link TestSite.Builder#route(String, HttpHandler)} that a crawler must survive:
 * bodies that inflate to gigabytes, never end or are huge, pages with 100,000 links or nested
 * 20,000 deep, robots.txt files and sitemaps of the same kinds. Big bodies are generated as they
 * are sent, so the test JVM holds none of them; a handler stops when the client goes away.
 */
public final class HostileRoutes {
    private static final String HTML = "text/html; charset=utf-8";
    private static final int BLOCK = 1024 * 1024;
    private static final String SITEMAP_HEAD =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";

    private HostileRoutes() {}

    /**
     * Adds one page of each hostile kind to a site: /gzip-bomb (2 GiB inflated), /endless,
     * /trickle (a byte a second), /links (100,000), /nested-div, /nested-ul and /nested-b
     * (20,000 deep, forty times the depth jsoup keeps), /charset-wrong (UTF-8 declared
     * windows-1251) and /charset-unknown.
     */
    public static TestSite.Builder withEveryHostilePage(TestSite.Builder site) {
        int nesting = 20_000;
        return site.route("/gzip-bomb", gzipBomb("Bomb", 2048))
                .route("/endless", endlessPage())
                .route("/trickle", SiteRoutes.trickle(Duration.ofSeconds(1)))
                .route("/links", manyLinks(100_000))
                .route("/nested-div", nested("div", nesting))
                .route("/nested-ul", nested("ul", nesting))
                .route("/nested-b", nested("b", nesting))
                .route(
                        "/charset-wrong",
                        SiteRoutes.fixed(200, "text/html; charset=windows-1251", SiteRoutes.page("Grüße"), Map.of()))
                .route(
                        "/charset-unknown",
                        SiteRoutes.fixed(
                                200, "text/html; charset=x-no-such-charset", SiteRoutes.page("Grüße"), Map.of()));
    }

    /**
     * An HTML page of a title and {@code inflatedMebibytes} MiB of "x" sent gzip-compressed
     * (Content-Encoding: gzip) whatever the client accepts: about a thousandth of that goes over
     * the wire.
     */
    public static HttpHandler gzipBomb(String title, long inflatedMebibytes) {
        String head = "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><p>";
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.getResponseHeaders().set("Content-Type", HTML);
            sendGzipBomb(exchange, head, (byte) 'x', inflatedMebibytes);
        };
    }

    /** A page that never ends: chunked, a paragraph after another, until the client hangs up. */
    public static HttpHandler endlessPage() {
        byte[] head =
                "<!DOCTYPE html>\n<html><head><title>Endless</title></head><body>\n".getBytes(StandardCharsets.UTF_8);
        return endless(HTML, head, "<p>and on and on and on and on and on and on and on and on</p>\n");
    }

    /** A page with {@code count} distinct links ({@code /link/0} ...) to the same site. */
    public static HttpHandler manyLinks(int count) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Links</title></head><body><ul>\n");
        for (int i = 0; i < count; i++) {
            html.append("<li><a href=\"/link/")
                    .append(i)
                    .append("\">link ")
                    .append(i)
                    .append("</a></li>\n");
        }
        return SiteRoutes.html(html.append("</ul></body></html>\n").toString());
    }

    /** A page whose body nests {@code depth} {@code <tag>} elements, with a word at the bottom. */
    public static HttpHandler nested(String tag, int depth) {
        String html = "<!DOCTYPE html>\n<html><head><title>Nested " + tag + "</title></head><body>"
                + ("<" + tag + ">").repeat(depth) + "deep" + ("</" + tag + ">").repeat(depth) + "</body></html>";
        return SiteRoutes.html(html);
    }

    /**
     * A text/plain robots.txt of exactly {@code bytes} bytes: {@code head}, then comment lines,
     * then {@code tail}, so a rule in the tail is only seen by a reader of the whole file.
     */
    public static HttpHandler hugeRobotsTxt(String head, long bytes, String tail) {
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        // the filler's last line may be cut short: the tail starts on a line of its own
        byte[] tailBytes = ("\n" + tail).getBytes(StandardCharsets.UTF_8);
        byte[] line =
                "# filler filler filler filler filler filler filler filler filler\n".getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, bytes);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(headBytes);
                long filler = bytes - headBytes.length - tailBytes.length;
                byte[] block = repeat(line, BLOCK);
                for (long sent = 0; sent < filler; sent += block.length) {
                    out.write(block, 0, (int) Math.min(block.length, filler - sent));
                }
                out.write(tailBytes);
            }
        };
    }

    /** A robots.txt that never ends: {@code head}, then comment lines until the client hangs up. */
    public static HttpHandler endlessRobotsTxt(String head) {
        return endless("text/plain", head.getBytes(StandardCharsets.UTF_8), "# and on and on and on and on and on\n");
    }

    /**
     * A sitemap sent as a .gz file (Content-Type application/gzip, no Content-Encoding) that
     * inflates to about {@code inflatedMebibytes} MiB of XML: {@code <url>} entries for
     * {@code pathPrefix0} ... {@code pathPrefix99} again and again, never closed.
     */
    public static HttpHandler sitemapGzipBomb(String baseUrl, String pathPrefix, long inflatedMebibytes) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/gzip");
            sendGzipBomb(
                    exchange, SITEMAP_HEAD, repeat(urlEntries(baseUrl + pathPrefix, 0, 100), BLOCK), inflatedMebibytes);
        };
    }

    /** A sitemap index of {@code count} sitemaps, {@code <baseUrl><pathPrefix>0.xml} ... */
    public static HttpHandler sitemapIndex(String baseUrl, String pathPrefix, int count) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int i = 0; i < count; i++) {
            xml.append("<sitemap><loc>")
                    .append(baseUrl)
                    .append(pathPrefix)
                    .append(i)
                    .append(".xml</loc></sitemap>\n");
        }
        return SiteRoutes.fixed(
                200, "application/xml", xml.append("</sitemapindex>\n").toString(), Map.of());
    }

    /** A sitemap of {@code count} distinct URLs ({@code <baseUrl><pathPrefix>0} ...), generated as it is sent. */
    public static HttpHandler sitemapOfMany(String baseUrl, String pathPrefix, long count) {
        String tail = "</urlset>\n";
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(SITEMAP_HEAD.getBytes(StandardCharsets.UTF_8));
                int perBlock = 10_000;
                for (long first = 0; first < count; first += perBlock) {
                    out.write(urlEntries(baseUrl + pathPrefix, first, (int) Math.min(perBlock, count - first)));
                }
                out.write(tail.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private static byte[] urlEntries(String prefix, long first, int count) {
        StringBuilder xml = new StringBuilder();
        for (long i = first; i < first + count; i++) {
            xml.append("<url><loc>").append(prefix).append(i).append("</loc></url>\n");
        }
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpHandler endless(String contentType, byte[] head, String line) {
        byte[] block = repeat(line.getBytes(StandardCharsets.UTF_8), 64 * 1024);
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(head);
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(block);
                }
            }
        };
    }

    private static void sendGzipBomb(HttpExchange exchange, String head, byte filler, long blocks) throws IOException {
        byte[] block = new byte[BLOCK];
        Arrays.fill(block, filler);
        sendGzipBomb(exchange, head, block, blocks);
    }

    /**
     * Streams a gzip member: {@code head}, then {@code block} {@code blocks} times. Each
     * block is compressed once and sent again and again, which is valid deflate because a full
     * flush ends every block and resets the compressor's history.
     */
    private static void sendGzipBomb(HttpExchange exchange, String head, byte[] block, long blocks) throws IOException {
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] compressedBlock = deflated(block, false);
        exchange.sendResponseHeaders(200, 0);
        CRC32 crc = new CRC32();
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
            out.write(deflated(headBytes, false));
            crc.update(headBytes);
            for (long i = 0; i < blocks; i++) {
                out.write(compressedBlock);
                crc.update(block);
            }
            out.write(deflated(new byte[0], true));
            long size = headBytes.length + blocks * block.length;
            out.write(littleEndian((int) crc.getValue()));
            out.write(littleEndian((int) size));
        }
    }

    /** Raw deflate of {@code input} from a fresh compressor, ending the stream if {@code last}, else with a full flush. */
    private static byte[] deflated(byte[] input, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(input);
            if (last) {
                deflater.finish();
            }
            byte[] buffer = new byte[input.length + 1024];
            int length = deflater.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.FULL_FLUSH);
            return Arrays.copyOf(buffer, length);
        } finally {
            deflater.end();
        }
    }

    private static byte[] littleEndian(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    private static byte[] repeat(byte[] line, int atLeast) {
        int times = Math.max(1, atLeast / line.length);
        byte[] block = new byte[times * line.length];
        for (int i = 0; i < times; i++) {
            System.arraycopy(line, 0, block, i * line.length, line.length);
        }
        return block;
    }
}
