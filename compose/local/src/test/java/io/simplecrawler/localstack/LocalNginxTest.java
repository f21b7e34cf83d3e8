package io.simplecrawler.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's nginx.conf, rendered by {@link LocalNginx} and run by the real nginx in front
 * of a fake gateway whose answers the tests control. What the real gateway adds is covered by the
 * e2e module's NginxStackTest. Skipped, with a message, where nginx is not installed.
 */
class LocalNginxTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SSE_PATH = "/jobs/1/events";
    private static final CountDownLatch FIRST_EVENT_RECEIVED = new CountDownLatch(1);

    @TempDir
    static Path runDir;

    private static HttpServer gateway;
    private static ChildProcess nginx;
    private static String url;

    @BeforeAll
    static void startNginxInFrontOfAFakeGateway() throws IOException {
        LocalSettings probe = LocalSettings.from(PipelineProcesses.repoRoot(), System::getenv);
        if (probe.nginx().isEmpty()) {
            System.err.println(
                    "!!! LocalNginxTest SKIPPED: nginx is not installed (make test installs it when run as root) !!!");
        }
        assumeTrue(probe.nginx().isPresent(), "nginx is not installed (make test installs it when run as root)");
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        gateway.createContext("/", LocalNginxTest::answer);
        gateway.setExecutor(Executors.newCachedThreadPool());
        gateway.start();
        Files.createDirectories(runDir.resolve("results/job-1"));
        Files.writeString(runDir.resolve("results/job-1/results.md"), "# Results\n");
        Map<String, String> env = Map.of(
                "RUN_DIR", runDir.toString(),
                "HTTP_PORT", Integer.toString(FreePorts.next()),
                "GATEWAY_PORT", Integer.toString(gateway.getAddress().getPort()),
                "NGINX_BIN", probe.nginx().get().toString());
        LocalSettings settings = LocalSettings.from(PipelineProcesses.repoRoot(), env::get);
        LocalNginx front = new LocalNginx(settings, settings.nginx().orElseThrow());
        nginx = front.start();
        url = front.url();
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.stop(Duration.ofSeconds(10));
        }
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    @Test
    void everyPlaceholderIsFilledAndAnUnknownOneIsRefused() {
        assertEquals(
                "listen 127.0.0.1:1;",
                LocalNginx.render("listen ${NGINX_LISTEN};", Map.of("NGINX_LISTEN", "127.0.0.1:1")));
        assertThrows(IllegalArgumentException.class, () -> LocalNginx.render("root ${NOPE};", Map.of()));
        assertFalse(readConf().contains("${"), "the rendered nginx.conf has nothing left to fill in");
    }

    @Test
    void proxiesToTheGatewayWithSecurityHeadersAndNoVersion() throws Exception {
        HttpResponse<String> response = get("/jobs?limit=1", Map.of());
        assertEquals(200, response.statusCode());
        assertEquals("{\"proxied\":\"/jobs?limit=1\"}", response.body());
        assertSecurityHeaders(response);
        assertEquals("nginx", response.headers().firstValue("Server").orElseThrow(), "server_tokens off: no version");
    }

    /** Crawled content is shown on the dashboard: no inline script may run there; Swagger UI needs its own. */
    @Test
    void onlySwaggerUiMayRunInlineScripts() throws Exception {
        for (String path : List.of("/", "/ui/app.js", "/jobs", "/webjars/x.js")) {
            String policy = get(path, Map.of())
                    .headers()
                    .firstValue("Content-Security-Policy")
                    .orElseThrow();
            assertTrue(policy.contains("script-src 'self';"), path + ": " + policy);
            assertFalse(policy.contains("unsafe-inline"), path + ": " + policy);
        }
        for (String path : List.of("/docs", "/swagger-ui/res/index.js")) {
            String policy = get(path, Map.of())
                    .headers()
                    .firstValue("Content-Security-Policy")
                    .orElseThrow();
            assertTrue(policy.contains("script-src 'self' 'unsafe-inline';"), path + ": " + policy);
        }
    }

    /** A dashboard load asks for a dozen static files at once: they do not count against the API's rate. */
    @Test
    void theDashboardsStaticFilesAreNotRateLimited() throws Exception {
        for (int i = 0; i < 40; i++) {
            assertEquals(200, get("/ui/file" + i + ".js", Map.of()).statusCode(), "request " + i);
        }
    }

    @Test
    void errorsNginxMakesItselfAreProblemJsonWithTheSameHeaders() throws Exception {
        HttpResponse<String> tooLarge = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/crawl"))
                        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(70_000)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooLarge.statusCode());
        assertEquals(
                "application/problem+json",
                tooLarge.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(tooLarge.body().contains("\"status\":413"), tooLarge.body());
        assertSecurityHeaders(tooLarge);

        HttpResponse<String> internal = get("/_results/job-1/results.md", Map.of());
        assertEquals(404, internal.statusCode(), "the results location is internal: only X-Accel-Redirect reaches it");
    }

    @Test
    void aDownloadTheGatewayAuthorisesIsSentByNginxFromTheResultsFolder() throws Exception {
        HttpResponse<String> response = get("/download/job-1/results.md", Map.of());
        assertEquals(200, response.statusCode());
        assertEquals("# Results\n", response.body());
        assertEquals(
                "text/markdown; charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "attachment; filename=\"results.md\"",
                response.headers().firstValue("Content-Disposition").orElseThrow());
        assertSecurityHeaders(response);
    }

    @Test
    void jsonIsGzippedForClientsThatAcceptIt() throws Exception {
        HttpResponse<InputStream> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/large.json"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse("none"));
        try (InputStream body = new GZIPInputStream(response.body())) {
            assertTrue(new String(body.readAllBytes(), StandardCharsets.UTF_8).startsWith("[\"padding"));
        }
    }

    /**
     * The fake gateway sends the second event only after the client has read the first, so an
     * nginx that holds events back (compressing them, say) fails here.
     */
    @Test
    void serverSentEventsReachTheClientOneByOneUnbuffered() throws Exception {
        HttpResponse<InputStream> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + SSE_PATH))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(
                "text/event-stream",
                response.headers().firstValue("Content-Type").orElseThrow());
        try (BufferedReader events =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals("event: progress", events.readLine());
            assertEquals("data: {\"progress\":50}", events.readLine());
            FIRST_EVENT_RECEIVED.countDown();
            assertEquals("", events.readLine());
            assertEquals("event: progress", events.readLine());
            assertEquals("data: {\"progress\":100}", events.readLine());
        }
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        assertEquals(
                "nosniff",
                response.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals(
                "no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null));
        assertTrue(response.headers()
                .firstValue("Content-Security-Policy")
                .orElse("")
                .contains("default-src 'self'"));
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String readConf() {
        try {
            return Files.readString(runDir.resolve("nginx/nginx.conf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(SSE_PATH)) {
                streamTwoEvents(exchange);
            } else if (path.startsWith("/download/")) {
                exchange.getResponseHeaders().add("Content-Type", "text/markdown; charset=utf-8");
                exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"results.md\"");
                exchange.getResponseHeaders().add("X-Accel-Redirect", "/_results/job-1/results.md");
                exchange.sendResponseHeaders(200, -1);
            } else if (path.equals("/large.json")) {
                send(exchange, "[\"padding" + " ".repeat(4096) + "\"]");
            } else {
                send(exchange, "{\"proxied\":\"" + exchange.getRequestURI() + "\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void streamTwoEvents(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("event: progress\ndata: {\"progress\":50}\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            if (!FIRST_EVENT_RECEIVED.await(10, TimeUnit.SECONDS)) {
                return; // buffered: the client never saw the first event; it fails on the missing second one
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        out.write("event: progress\ndata: {\"progress\":100}\n\n".getBytes(StandardCharsets.UTF_8));
    }
}
