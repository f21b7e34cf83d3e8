package io.simplecrawler.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;

/**
 * A generated site of any size on a loopback address, deterministic from a seed, with on every
 * page a mix of what a crawler meets: HTML links, images, SVG, PDF and CSS, missing pages,
 * redirects on the site and off it, a few pages that answer after 1-2 s and a few of more than
 * 1 MB (see {@link MixedPages}). Everything else answers at once from memory. Served by a
 * {@link TestSite}, which logs every request.
 *
 * <pre>{@code
 * try (MixedSite site = MixedSite.start("127.0.0.31", 42, 10_000)) {
 *     submit(site.seedUrl(), maxPages 2000, maxDepth 10);
 * }
 * }</pre>
 */
public final class MixedSite implements AutoCloseable {
    /** Where the off-site redirects lead: another host, on which nothing listens. */
    private static final String OFF_SITE_ADDRESS = "127.0.0.254";

    private final TestSite server;
    private final long seed;
    private final int pages;

    private MixedSite(TestSite server, long seed, int pages) {
        this.server = server;
        this.seed = seed;
        this.pages = pages;
    }

    /**
     * Serves a site of {@code pages} pages on {@code address} (e.g. "127.0.0.31"), at a free port.
     *
     * @param seed the same seed and page count give the same site
     */
    public static MixedSite start(String address, long seed, int pages) {
        MixedPages content = new MixedPages(seed, pages, OFF_SITE_ADDRESS);
        TestSite server = TestSite.tree(0, 0)
                .address(address)
                .route("/", exchange -> answer(exchange, content))
                .start();
        return new MixedSite(server, seed, pages);
    }

    private static void answer(HttpExchange exchange, MixedPages content) throws IOException {
        MixedPages.Answer answer = content.answer(
                exchange.getRequestURI().getRawPath(),
                exchange.getLocalAddress().getPort());
        // the site's own slowness, on one of the server's (unbounded) threads
        SiteRoutes.pause(answer.delay());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        SiteRoutes.send(exchange, answer.status(), answer.contentType(), answer.body());
    }

    /** The home page, {@code http://<address>:<port>/}. */
    public String seedUrl() {
        return url("/");
    }

    /** The absolute URL of a path on this site. */
    public String url(String path) {
        return server.url(path);
    }

    /** The URL of page {@code i} (0 is the home page). */
    public String pageUrl(int i) {
        return url(MixedPages.pagePath(i));
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    public long seed() {
        return seed;
    }

    public int pages() {
        return pages;
    }

    /** Every request so far, in arrival order. */
    public List<SiteRequest> requests() {
        return server.requests();
    }

    /** The number of requests so far. */
    public int requestCount() {
        return server.requestCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
