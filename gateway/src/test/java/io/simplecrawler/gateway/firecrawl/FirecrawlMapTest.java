package io.simplecrawler.gateway.firecrawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Firecrawl's map against a small site with robots.txt, a sitemap index and a seed page, and one that never answers. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirecrawlMapTest implements TestPropertyProvider {
    private final HttpServer site = serve(this::answer);
    private final CountDownLatch never = new CountDownLatch(1);
    private final HttpServer silent = serve(exchange -> {
        await(never);
        exchange.close();
    });
    private final String base = "http://127.0.0.1:" + site.getAddress().getPort();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.with(GatewayTestProperties.newResultsDir());
    }

    @AfterAll
    void stopTheSites() {
        never.countDown();
        site.stop(0);
        silent.stop(0);
    }

    @Test
    void v2ListsTheSeedThenItsPageLinksThenTheSitemapsUrlsOnTheSiteOnceEachWithoutQueryOrFragment() {
        List<?> links = map("/v2/map", Map.of("url", base + "/"));

        assertEquals(
                List.of(
                        Map.of("url", base + "/", "title", "Home", "description", "The home page"),
                        Map.of("url", base + "/a", "title", "Alpha"),
                        Map.of("url", base + "/d", "title", "Delta"),
                        Map.of("url", base + "/b"),
                        Map.of("url", base + "/c")),
                links);
    }

    @Test
    void v1ListsStringsAndSitemapOnlyLeavesThePageOut() {
        assertEquals(
                List.of(base + "/a", base + "/b", base + "/c"),
                map("/v1/map", Map.of("url", base + "/", "sitemapOnly", true)));
        assertEquals(
                List.of(base + "/", base + "/a", base + "/d"),
                map("/v1/map", Map.of("url", base + "/", "ignoreSitemap", true)));
    }

    @Test
    void searchKeepsTheLinksWhoseUrlOrTitleHoldItAndLimitCutsTheList() {
        assertEquals(
                List.of(Map.of("url", base + "/d", "title", "Delta")),
                map("/v2/map", Map.of("url", base + "/", "search", "DELTA")));
        assertEquals(List.of(Map.of("url", base + "/b")), map("/v2/map", Map.of("url", base + "/", "search", "/b")));
        assertEquals(2, map("/v2/map", Map.of("url", base + "/", "limit", 2)).size());
        assertEquals(
                List.of(base + "/", base + "/a", base + "/d", base + "/d?q=2", base + "/b", base + "/c?x=1"),
                map("/v2/map", Map.of("url", base + "/", "ignoreQueryParameters", false, "sitemap", "include")).stream()
                        .map(link -> ((Map<?, ?>) link).get("url"))
                        .toList());
        assertEquals(
                3, map("/v2/map", Map.of("url", base + "/", "sitemap", "skip")).size());
    }

    @Test
    void aSiteThatDoesNotAnswerIsAnEmptyMapWithinTheTimeout() {
        Instant start = Instant.now();

        List<?> links = map(
                "/v2/map",
                Map.of("url", "http://127.0.0.1:" + silent.getAddress().getPort() + "/", "timeout", 1000));

        assertEquals(List.of(), links);
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 5_000);
    }

    @Test
    void aRefusedMapIsA400NamingTheFields() {
        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(
                        HttpRequest.POST(
                                "/v2/map",
                                Map.of(
                                        "url",
                                        "http://169.254.169.254/",
                                        "limit",
                                        30_001,
                                        "location",
                                        Map.of("country", "DE"))),
                        Map.class));

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        String error =
                (String) refused.getResponse().getBody(Map.class).orElseThrow().get("error");
        assertTrue(error.contains("location is not supported by this crawler"), error);
        assertTrue(error.contains("url is denied by the network policy (SSRF guard)"), error);
        assertTrue(error.contains("limit must be between 1 and 30000"), error);
    }

    private List<?> map(String path, Map<String, Object> body) {
        return (List<?>) http.toBlocking()
                .retrieve(HttpRequest.POST(path, new HashMap<>(body)), Map.class)
                .get("links");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body =
                switch (path) {
                    case "/robots.txt" -> "User-agent: *\nDisallow: /private\nSitemap: " + base
                            + "/sitemap-index.xml\n";
                    case "/sitemap-index.xml" -> """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                              <sitemap><loc>BASE/sitemap-1.xml</loc></sitemap>
                            </sitemapindex>"""
                            .replace("BASE", base);
                    case "/sitemap-1.xml" -> """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                              <url><loc>BASE/a</loc></url><url><loc>BASE/b</loc></url>
                              <url><loc>BASE/c?x=1</loc></url><url><loc>http://other.test/z</loc></url>
                            </urlset>"""
                            .replace("BASE", base);
                    case "/" -> """
                            <html><head><title>Home</title><meta name="description" content="The home page"></head>
                            <body><a href="/a">Alpha</a> <a href="/d#part">Delta</a> <a href="/d?q=2">Delta again</a>
                            <a href="http://elsewhere.test/">Elsewhere</a> <a href="mailto:x@example.test">Mail</a></body></html>""";
                    default -> null;
                };
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add(
                        "Content-Type",
                        path.endsWith(".xml") ? "application/xml" : path.endsWith(".txt") ? "text/plain" : "text/html");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static HttpServer serve(com.sun.net.httpserver.HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
