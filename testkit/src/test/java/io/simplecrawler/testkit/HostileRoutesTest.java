package io.simplecrawler.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The hostile bodies are what they say, read in full or in part by a plain client. */
class HostileRoutesTest {
    private static final long MIB = 1024 * 1024;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGzipBombIsValidGzipOfTheGivenSize() throws Exception {
        try (TestSite site = TestSite.tree(1, 1)
                .route("/bomb", HostileRoutes.gzipBomb("Bomb", 20))
                .start()) {
            HttpResponse<InputStream> response = get(site.url("/bomb"));
            assertEquals(
                    "gzip", response.headers().firstValue("Content-Encoding").orElseThrow());
            try (InputStream body = response.body();
                    GZIPInputStream inflated = new GZIPInputStream(body)) {
                String head = "<!DOCTYPE html>\n<html><head><title>Bomb</title></head><body><p>";
                assertEquals(head, new String(inflated.readNBytes(head.length()), StandardCharsets.UTF_8));
                assertEquals(
                        20 * MIB, inflated.transferTo(OutputStream.nullOutputStream()), "20 MiB of x, CRC checked");
            }
        }
    }

    @Test
    void endlessAndHugeBodiesGoOnAsLongAsTheyAreRead() throws Exception {
        try (TestSite site = TestSite.tree(1, 1)
                .route("/endless", HostileRoutes.endlessPage())
                .route("/robots.txt", HostileRoutes.hugeRobotsTxt("User-agent: *\n", 5 * MIB, "Disallow: /late\n"))
                .start()) {
            try (InputStream endless = get(site.url("/endless")).body()) {
                assertEquals(30 * MIB, endless.readNBytes((int) (30 * MIB)).length);
            }
            String robots = new String(get(site.url("/robots.txt")).body().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(5 * MIB, robots.length());
            assertTrue(robots.startsWith("User-agent: *\n") && robots.endsWith("\nDisallow: /late\n"));
        }
    }

    @Test
    void sitemapsListWhatTheySay() throws Exception {
        try (TestSite site = TestSite.tree(1, 1).start();
                TestSite sitemaps = TestSite.tree(1, 1)
                        .route("/many.xml", HostileRoutes.sitemapOfMany(site.baseUrl(), "/m/", 25_000))
                        .route("/index.xml", HostileRoutes.sitemapIndex(site.baseUrl(), "/sitemaps/", 3))
                        .start()) {
            String many = new String(get(sitemaps.url("/many.xml")).body().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(many.contains("<loc>" + site.url("/m/24999") + "</loc>") && many.endsWith("</urlset>\n"));
            assertEquals(25_000, many.split("<url>").length - 1);
            String index = new String(get(sitemaps.url("/index.xml")).body().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(index.contains("<loc>" + site.url("/sitemaps/2.xml") + "</loc>"));
        }
    }

    private HttpResponse<InputStream> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
    }
}
