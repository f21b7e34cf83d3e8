package io.simplecrawler.testkit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestSiteTest {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestSite site;

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void servesTheWholeTreeThroughItsLinks() throws Exception {
        site = TestSite.tree(3, 2).start();
        Set<String> seen = new LinkedHashSet<>();
        Deque<URI> queue = new ArrayDeque<>(List.of(URI.create(site.url("/"))));
        while (!queue.isEmpty()) {
            URI page = queue.poll();
            if (!seen.add(page.getPath())) {
                continue;
            }
            HttpResponse<String> response = get(page);
            assertEquals(200, response.statusCode(), page.toString());
            assertEquals("Page " + page.getPath(), first(TITLE, response.body()));
            for (String href : all(HREF, response.body())) {
                URI link = page.resolve(href);
                if ("http".equals(link.getScheme()) && "127.0.0.1".equals(link.getHost())) {
                    queue.add(new URI(link.getScheme(), link.getAuthority(), link.getPath(), null, null));
                }
            }
        }
        assertEquals(site.pathsUpToDepth(2), seen);
        assertEquals(1 + 3 + 9, seen.size());
        assertEquals(TestSite.tree(3, 2).pathsUpToDepth(5), seen);
        assertEquals(13, site.requestCount());
        assertEquals(1, site.requestCount("/n2/n0"));
    }

    @Test
    void linksInEveryFlavour() throws Exception {
        site = TestSite.tree(3, 2).start();
        List<String> hrefs = all(HREF, get(URI.create(site.url("/n2"))).body());
        assertTrue(hrefs.contains(site.url("/n2/n0")), "absolute: " + hrefs);
        assertTrue(hrefs.contains("/n2/n1"), "root-relative: " + hrefs);
        assertTrue(hrefs.contains("n2/n2"), "path-relative: " + hrefs);
        assertTrue(hrefs.contains("/"), hrefs.toString());
        assertTrue(hrefs.contains("/n2#details"), hrefs.toString());
        assertTrue(hrefs.stream().anyMatch(h -> h.startsWith("mailto:")), hrefs.toString());
        assertTrue(hrefs.contains("http://127.0.0.2:" + site.port() + "/elsewhere"), hrefs.toString());
    }

    @Test
    void leavesAndUnknownPathsHaveNoChildren() throws Exception {
        site = TestSite.tree(2, 1).start();
        assertTrue(all(HREF, get(URI.create(site.url("/n1"))).body()).stream().noneMatch(h -> h.contains("n1/n")));
        assertEquals(404, get(URI.create(site.url("/n1/n0"))).statusCode());
        assertEquals(404, get(URI.create(site.url("/n2"))).statusCode());
        assertEquals(404, get(URI.create(site.url("/robots.txt"))).statusCode());
    }

    @Test
    void extraLinksStatusRedirectAndRobots() throws Exception {
        site = TestSite.tree(1, 1)
                .linkFromRoot("/status/500")
                .linkFromRoot("/slow?ms=10")
                .robotsTxt("User-agent: *\nDisallow: /n0\n")
                .resource("/data.json", 200, "application/json", "{}")
                .start();
        List<String> hrefs = all(HREF, get(URI.create(site.url("/"))).body());
        assertTrue(hrefs.containsAll(List.of("/status/500", "/slow?ms=10")), hrefs.toString());
        assertEquals(500, get(URI.create(site.url("/status/500"))).statusCode());
        HttpResponse<String> redirect = get(URI.create(site.url("/redirect?to=/n0")));
        assertEquals(302, redirect.statusCode());
        assertEquals("/n0", redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(get(URI.create(site.url("/robots.txt"))).body().contains("Disallow: /n0"));
        HttpResponse<String> json = get(URI.create(site.url("/data.json")));
        assertEquals(
                "application/json", json.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void slowPagesAnswerLateWithoutHoldingTheOthersUp() throws Exception {
        site = TestSite.tree(2, 1).start();
        List<CompletableFuture<HttpResponse<String>>> slow = IntStream.range(0, 20)
                .mapToObj(i -> http.sendAsync(
                        request(URI.create(site.url("/slow?ms=3000&i=" + i))), HttpResponse.BodyHandlers.ofString()))
                .toList();
        await().atMost(Duration.ofSeconds(5)).until(() -> site.requestCount("/slow") == 20);
        assertTrue(
                site.requests().stream().anyMatch(r -> r.path().equals("/slow") && !r.completed()),
                "in flight requests are logged");
        assertEquals(200, get(URI.create(site.url("/n0"))).statusCode());
        assertTrue(slow.stream().anyMatch(f -> !f.isDone()), "a fast page waited for the slow ones");
        slow.forEach(f -> assertEquals(200, f.join().statusCode()));

        assertEquals(20, site.requestCount("/slow"));
        assertEquals(1, site.requestCount("/slow?ms=3000&i=3"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> site.requests().stream().allMatch(SiteRequest::completed));
        SiteRequest logged = site.requests().stream()
                .filter(r -> r.path().equals("/slow"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                logged.endNanos() - logged.startNanos()
                        >= Duration.ofMillis(3000).toNanos(),
                logged.toString());
        assertEquals("127.0.0.1:" + site.port(), logged.host());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(request(uri), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    private static List<String> all(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(m -> m.group(1)).toList();
    }
}
