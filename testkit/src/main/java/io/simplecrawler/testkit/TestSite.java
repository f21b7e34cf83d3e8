package io.simplecrawler.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP test site on 127.0.0.1 (ephemeral port) that generates a tree of HTML pages on the fly
 * and logs every request.
 *
 * <p>Pages: "/" is depth 0; each page at depth &lt; {@code levels} links to its {@code fanout}
 * children ({@code /n0}, {@code /n2/n0} ...) with a mix of absolute, root-relative and
 * path-relative hrefs, and every page links to "/", to itself with a {@code #details} fragment, to
 * a {@code mailto:} address and to {@code http://127.0.0.2:<port>/elsewhere} (another host, on
 * which nothing listens). Each page's title is {@code "Page <path>"}.
 *
 * <p>Always served, whether linked or not:
 *
 * <ul>
 *   <li>{@code /status/<code>}: answers with that status code and a small HTML body;
 *   <li>{@code /slow?ms=<n>}: answers 200 with a leaf page after {@code n} ms, without holding a
 *       server thread meanwhile;
 *   <li>{@code /redirect?to=<path>}: answers 302 with {@code Location: <path>};
 *   <li>{@code /robots.txt}: the body given to {@link Builder#robotsTxt(String)}, else 404.
 * </ul>
 *
 * <p>Paths given to {@link Builder#route(String, HttpHandler)} are answered by the caller's
 * handler (see {@link SiteRoutes} for gzip, huge, trickling, flaky and trap pages), logged like the rest.
 *
 * <p>Anything else answers 404. Use it with try-with-resources:
 *
 * <pre>{@code
 * try (TestSite site = TestSite.tree(3, 2).linkFromRoot("/status/500").start()) {
 *     crawl(site.baseUrl() + "/");
 *     assertEquals(site.pathsUpToDepth(2), fetchedPaths);
 * }
 * }</pre>
 */
public final class TestSite implements AutoCloseable {
    private static final String HTML = "text/html; charset=utf-8";

    private final Builder settings;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final ConcurrentLinkedQueue<LoggedRequest> log = new ConcurrentLinkedQueue<>();

    /**
     * Starts describing a site whose pages form a tree.
     *
     * @param fanout the number of children of each page above the last level
     * @param levels the depth of the deepest pages ("/" is depth 0)
     * @return a builder; call {@link Builder#start()} to serve the site
     */
    public static Builder tree(int fanout, int levels) {
        return new Builder(new PageTree(fanout, levels));
    }

    private TestSite(Builder settings) throws IOException {
        this.settings = settings;
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> daemon(r, "test-site-" + threadNumber.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "test-site-timer"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(settings.address), 0), 256);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The site's base URL without a trailing slash, e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return "http://" + settings.address + ":" + port();
    }

    /** The absolute URL of a path on this site, e.g. {@code url("/n1")}. */
    public String url(String path) {
        return baseUrl() + path;
    }

    /** The port the site listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The paths of the tree pages from depth 0 to {@code depth}: what a crawl of that depth must
     * fetch (extra root links not included).
     */
    public Set<String> pathsUpToDepth(int depth) {
        return settings.pathsUpToDepth(depth);
    }

    /**
     * Every request that has arrived so far (including {@code /robots.txt}), in arrival order. A
     * request still in flight has {@link SiteRequest#endNanos()} 0.
     */
    public List<SiteRequest> requests() {
        return log.stream().map(LoggedRequest::snapshot).toList();
    }

    /**
     * How many requests for a path have arrived so far, answered or not. A path with a query
     * ({@code "/slow?ms=100"}) counts that exact target; a path without one counts every query.
     */
    public int requestCount(String path) {
        boolean exact = path.contains("?");
        return (int) log.stream()
                .filter(r -> exact
                        ? r.pathAndQuery.equals(path)
                        : SiteRequest.pathOf(r.pathAndQuery).equals(path))
                .count();
    }

    /** The number of requests that have arrived so far, {@code /robots.txt} included. */
    public int requestCount() {
        return log.size();
    }

    /** Stops the server at once; requests in flight are dropped. */
    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        URI target = exchange.getRequestURI();
        String pathAndQuery =
                target.getRawQuery() == null ? target.getRawPath() : target.getRawPath() + "?" + target.getRawQuery();
        LoggedRequest request =
                new LoggedRequest(pathAndQuery, exchange.getRequestHeaders().getFirst("Host"), start);
        log.add(request);
        HttpHandler route = routeFor(target.getRawPath());
        if (route != null) {
            try (exchange) {
                route.handle(exchange);
            } catch (IOException e) {
                // the client went away
            }
            request.endNanos = System.nanoTime();
            return;
        }
        Response response = respond(target.getRawPath(), queryOf(target));
        Runnable send = () -> send(exchange, response, request);
        if (response.delay().isZero()) {
            send.run();
        } else {
            timer.schedule(() -> workers.execute(send), response.delay().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private HttpHandler routeFor(String path) {
        for (Map.Entry<String, HttpHandler> route : settings.routes.entrySet()) {
            if (path.startsWith(route.getKey())) {
                return route.getValue();
            }
        }
        return null;
    }

    private Response respond(String path, Map<String, String> query) {
        Response custom = settings.resources.get(path);
        if (custom != null) {
            return custom;
        }
        OptionalInt depth = settings.tree.depthOf(path);
        if (depth.isPresent()) {
            List<String> extra = path.equals("/") ? settings.rootLinks : List.of();
            String html = PageHtml.render(
                    path,
                    depth.getAsInt(),
                    settings.tree.children(path),
                    extra,
                    baseUrl(),
                    "http://127.0.0.2:" + port() + "/elsewhere");
            return new Response(200, HTML, html, Map.of(), settings.pageDelay);
        }
        if (path.startsWith("/status/")) {
            return statusPage(path.substring("/status/".length()));
        }
        if (path.equals("/slow")) {
            long ms = Long.parseLong(query.getOrDefault("ms", "1000"));
            String html = PageHtml.render(
                    path, 1, List.of(), List.of(), baseUrl(), "http://127.0.0.2:" + port() + "/elsewhere");
            return new Response(200, HTML, html, Map.of(), Duration.ofMillis(ms));
        }
        if (path.equals("/redirect") && query.containsKey("to")) {
            return new Response(
                    302, HTML, "<html><body>Moved</body></html>", Map.of("Location", query.get("to")), Duration.ZERO);
        }
        if (path.equals("/robots.txt") && settings.robotsTxt != null) {
            return new Response(200, "text/plain; charset=utf-8", settings.robotsTxt, Map.of(), Duration.ZERO);
        }
        return new Response(
                404,
                HTML,
                "<html><head><title>Not found</title></head><body>Not found</body></html>",
                Map.of(),
                Duration.ZERO);
    }

    private static Response statusPage(String code) {
        int status;
        try {
            status = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return new Response(400, HTML, "<html><body>Bad status</body></html>", Map.of(), Duration.ZERO);
        }
        String html = "<html><head><title>Status " + status + "</title></head><body><p>Status " + status
                + "</p></body></html>";
        return new Response(status, HTML, html, Map.of(), Duration.ZERO);
    }

    private void send(HttpExchange exchange, Response response, LoggedRequest request) {
        try (exchange) {
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach(exchange.getResponseHeaders()::set);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the client went away; the request still counts as answered
        }
        request.endNanos = System.nanoTime();
    }

    private static Map<String, String> queryOf(URI target) {
        Map<String, String> query = new HashMap<>();
        if (target.getRawQuery() != null) {
            for (String pair : target.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    private static final class LoggedRequest {
        final String pathAndQuery;
        final String host;
        final long startNanos;
        volatile long endNanos;

        LoggedRequest(String pathAndQuery, String host, long startNanos) {
            this.pathAndQuery = pathAndQuery;
            this.host = host;
            this.startNanos = startNanos;
        }

        SiteRequest snapshot() {
            return new SiteRequest(pathAndQuery, host, startNanos, endNanos);
        }
    }

    private record Response(int status, String contentType, String body, Map<String, String> headers, Duration delay) {}

    /** What a {@link TestSite} serves beyond its page tree. */
    public static final class Builder {
        private final PageTree tree;
        private final List<String> rootLinks = new ArrayList<>();
        private final Map<String, Response> resources = new HashMap<>();
        private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
        private String robotsTxt;
        private Duration pageDelay = Duration.ZERO;
        private String address = "127.0.0.1";

        private Builder(PageTree tree) {
            this.tree = tree;
        }

        /**
         * Adds a link from "/" to a path (with an optional query) of the site, e.g. {@code
         * "/status/500"} or {@code "/slow?ms=2000"}. Extra links are not in {@link #pathsUpToDepth}.
         */
        public Builder linkFromRoot(String pathAndQuery) {
            rootLinks.add(pathAndQuery);
            return this;
        }

        /** Serves {@code /robots.txt} with this body (text/plain) instead of answering 404. */
        public Builder robotsTxt(String body) {
            this.robotsTxt = body;
            return this;
        }

        /**
         * Serves a fixed response at a path (no query), taking precedence over the generated pages.
         * Link to it with {@link #linkFromRoot(String)}.
         */
        public Builder resource(String path, int status, String contentType, String body) {
            resources.put(path, new Response(status, contentType, body, Map.of(), Duration.ZERO));
            return this;
        }

        /**
         * Answers every path that starts with {@code pathPrefix} with {@code handler}, before
         * anything else (the first matching route in the order given). The handler runs on a
         * server thread and must send a response; the request is logged as answered when it returns.
         */
        public Builder route(String pathPrefix, HttpHandler handler) {
            routes.put(pathPrefix, handler);
            return this;
        }

        /** Delays every tree page's response by this long (without holding a server thread). */
        public Builder pageDelay(Duration delay) {
            this.pageDelay = delay;
            return this;
        }

        /**
         * Serves on another loopback address than 127.0.0.1, e.g. "127.0.0.2" (Linux answers on
         * all of 127.0.0.0/8), so that tests can tell sites apart by address.
         */
        public Builder address(String loopbackAddress) {
            this.address = loopbackAddress;
            return this;
        }

        /** The paths of the tree pages from depth 0 to {@code depth}, parents first. */
        public Set<String> pathsUpToDepth(int depth) {
            return tree.pathsUpToDepth(depth);
        }

        /** Starts serving the site on its address (127.0.0.1 unless set) on an ephemeral port. */
        public TestSite start() {
            try {
                return new TestSite(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test site", e);
            }
        }
    }
}
