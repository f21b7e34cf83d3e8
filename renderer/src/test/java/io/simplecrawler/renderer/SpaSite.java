package io.simplecrawler.renderer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A single-page application on 127.0.0.3 (host name spa.test in the tests' hosts file): every
 * page is an empty shell whose script builds it. "/" and "/about" take their content and links
 * from an API call; the client-side router's links exist only in JavaScript; "/late" renders
 * after 2 s; "/hang" never finishes loading; "/crash" allocates until the tab dies; "/ssrf" tries
 * every way to the secret site; "/images" has 200 images; "/plain" is a server-rendered page.
 */
final class SpaSite implements AutoCloseable {
    private final HttpServer server;
    private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> firstRequestNanos = new ConcurrentHashMap<>();
    private final int secretPort;

    SpaSite(int secretPort) {
        this.secretPort = secretPort;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://spa.test:" + port() + path;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    /** When {@code path} was first asked for ({@link System#nanoTime()}). */
    long firstRequestNanos(String path) {
        return firstRequestNanos.get(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        firstRequestNanos.putIfAbsent(path, System.nanoTime());
        switch (path) {
            case "/api/content" -> send(
                    exchange,
                    200,
                    "application/json",
                    """
                    {"heading": "Rendered by script", "text": "Text that only an API call brings",
                     "links": ["/about", "/late"]}""");
            case "/app.js" -> send(exchange, 200, "text/javascript", APP);
            case "/never.js" -> {
                // never answers: the page's load event never comes
                return;
            }
            case "/to-metadata" -> {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                send(exchange, 302, "text/plain", "");
            }
            case "/plain" -> send(
                    exchange,
                    200,
                    "text/html",
                    """
                    <html><head><title>Plain</title></head><body><main><h1>A server-rendered page</h1>
                    <p>Everything a reader sees is in this HTML, with enough words to read as a page.</p>
                    <a href="/">home</a></main></body></html>""");
            default -> send(exchange, 200, "text/html", shell(path));
        }
    }

    private String shell(String path) {
        String extra =
                switch (path) {
                    case "/hang" -> "<script src=\"/never.js\"></script>";
                    case "/crash" -> "<script>const hog = []; for (;;) { hog.push(new Array(1e6).fill(Math.random())); }</script>";
                    case "/ssrf" -> ssrf();
                    case "/images" -> IntStream.range(0, 200)
                            .mapToObj(i -> "<img src=\"/img/" + i + ".png\">")
                            .collect(Collectors.joining());
                    default -> "";
                };
        return "<!doctype html><html><head><title>SPA</title></head><body><div id=\"root\"></div>"
                + "<noscript>You need to enable JavaScript to run this app.</noscript>" + extra
                + "<script src=\"/app.js\"></script></body></html>";
    }

    private String ssrf() {
        String secret = ":" + secretPort;
        return "<img src=\"http://10.0.0.1" + secret + "/img\"><img src=\"http://127.0.0.1" + secret + "/img\">"
                + "<iframe src=\"http://localhost" + secret + "/frame\"></iframe>"
                + "<iframe src=\"/to-metadata\"></iframe>"
                + "<script>fetch('http://127.0.0.1" + secret + "/fetch').catch(() => {});"
                + "fetch('http://secret.test" + secret + "/dns').catch(() => {});"
                + "fetch('http://[::ffff:127.0.0.1]" + secret + "/mapped').catch(() => {});"
                + "try { new WebSocket('ws://127.0.0.1" + secret + "/ws'); } catch (e) {}"
                + "location.hash = 'tried';</script>";
    }

    /** The client: a router over history.pushState; "/" and "/about" fetch their content first. */
    private static final String APP =
            """
            const root = document.getElementById('root');
            const routes = ['/', '/about', '/late', '/team'];
            function nav() {
              return '<nav>' + routes.map(r => '<a href="' + r + '" data-route>' + (r === '/' ? 'home' : r.slice(1)) + '</a>').join(' ') + '</nav>';
            }
            async function render(path) {
              if (path === '/' || path === '/about') {
                const api = await (await fetch('/api/content')).json();
                root.innerHTML = nav() + '<main><h1>' + api.heading + ' at ' + path + '</h1><p>' + api.text
                  + '</p>' + api.links.map(l => '<a href="' + l + '">' + l + '</a>').join(' ') + '</main>';
              } else if (path === '/late') {
                setTimeout(() => { root.innerHTML = nav() + '<main><h1 id="late">Late content</h1><p>Shown after two seconds.</p></main>'; }, 2000);
              } else if (path === '/team') {
                root.innerHTML = nav() + '<main><h1>The team</h1><p>Reached only through the router.</p></main>';
              } else if (path === '/ssrf' || path === '/images') {
                root.innerHTML = '<main><h1>Page ' + path + '</h1><p>Still rendered.</p></main>';
              }
            }
            document.addEventListener('click', e => {
              const a = e.target.closest('a[data-route]');
              if (a) { e.preventDefault(); history.pushState({}, '', a.getAttribute('href')); render(a.getAttribute('href')); }
            });
            render(location.pathname);
            """;

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
