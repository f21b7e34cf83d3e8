package io.simplecrawler.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A mixed site on its own loopback address: "/" and "/about" are application shells (an empty
 * {@code <div id="root">}, a script, a {@code <noscript>} asking for JavaScript) whose text and
 * links only a browser sees; "/article" is a server-rendered article, and "/article-with-scripts"
 * one that also loads scripts (analytics, a widget), which stays a plain page.
 */
final class ScriptedSite implements AutoCloseable {
    /** What the script writes into the shell of {@code path}: text no plain fetch can see. */
    static String scriptedText(String path) {
        return "Only a browser sees the page at " + path;
    }

    static final List<String> SHELLS = List.of("/", "/about");
    static final List<String> ARTICLES = List.of("/article", "/article-with-scripts");

    private static final String SHELL =
            """
            <!doctype html><html><head><title>App</title><script defer src="/app.js"></script></head>
            <body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>""";
    private static final String APP =
            """
            const root = document.getElementById('root');
            const path = location.pathname;
            root.innerHTML = '<main><h1>' + 'Only a browser sees the page at ' + path + '</h1>'
              + '<a href="/about">About</a> <a href="/article">Article</a>'
              + ' <a href="/article-with-scripts">Article with scripts</a></main>';
            """;
    private static final String PARAGRAPH = "<p>This article is written on the server: a reader sees every word of it"
            + " without running any script, in a paragraph long enough to read as the body of a page.</p>";

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();

    private ScriptedSite(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 64);
        server.setExecutor(workers);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Serves the site on {@code address}, e.g. "127.0.0.31". */
    static ScriptedSite start(String address) {
        try {
            return new ScriptedSite(address);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serve a site on " + address, e);
        }
    }

    String url(String path) {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (SHELLS.contains(path)) {
                send(exchange, "text/html; charset=utf-8", SHELL);
            } else if (path.equals("/app.js")) {
                send(exchange, "text/javascript", APP);
            } else if (ARTICLES.contains(path)) {
                String scripts = path.equals("/article-with-scripts")
                        ? "<script src=\"/app-analytics.js\"></script><script>window.dataLayer = [];</script>"
                        : "";
                send(
                        exchange,
                        "text/html; charset=utf-8",
                        "<!doctype html><html><head><title>Article</title>" + scripts
                                + "</head><body><article><h1>An article at " + path + "</h1>"
                                + PARAGRAPH.repeat(4) + "<a href=\"/\">home</a></article></body></html>");
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
