package io.simplecrawler.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MixedPagesTest {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final int PAGES = 10_000;

    private final MixedPages pages = new MixedPages(7, PAGES, "127.0.0.254");

    @Test
    void theSameSeedGivesTheSameSiteAndAnotherSeedAnotherOne() {
        for (int i : new int[] {0, 1, 17, 9_999}) {
            String path = MixedPages.pagePath(i);
            assertArrayEquals(
                    pages.answer(path, 80).body(),
                    new MixedPages(7, PAGES, "127.0.0.254").answer(path, 80).body());
            assertNotEquals(
                    new String(pages.answer(path, 80).body(), StandardCharsets.UTF_8),
                    new String(
                            new MixedPages(8, PAGES, "127.0.0.254")
                                    .answer(path, 80)
                                    .body(),
                            StandardCharsets.UTF_8));
        }
    }

    @Test
    void theLinksOfTheSiteLeadToEveryKindOfAnswer() {
        Map<String, Integer> kinds = new HashMap<>();
        int slow = 0;
        int huge = 0;
        for (int i = 0; i < 2_000; i++) {
            MixedPages.Answer page = pages.answer(MixedPages.pagePath(i), 80);
            slow += page.delay().isZero() ? 0 : 1;
            huge += page.body().length > 1_000_000 ? 1 : 0;
            for (String href : hrefs(page)) {
                MixedPages.Answer linked = pages.answer(href, 80);
                String kind = linked.status() + " " + linked.contentType();
                kinds.merge(kind, 1, Integer::sum);
                if (href.startsWith("/away/")) {
                    assertTrue(
                            linked.headers().get("Location").startsWith("http://127.0.0.254:80/"),
                            linked.headers().toString());
                }
            }
        }
        assertEquals(
                List.of(
                        "200 application/pdf",
                        "200 image/png",
                        "200 image/svg+xml",
                        "200 text/css",
                        "200 text/html; charset=utf-8",
                        "301 text/html; charset=utf-8",
                        "302 text/html; charset=utf-8",
                        "404 text/html; charset=utf-8"),
                kinds.keySet().stream().sorted().toList());
        assertTrue(slow >= 5 && slow <= 30, slow + " slow pages");
        assertTrue(huge >= 3 && huge <= 20, huge + " huge pages");
    }

    @Test
    void everyPageIsReachableFromTheHomePage() {
        boolean[] seen = new boolean[PAGES];
        List<Integer> queue = new ArrayList<>(List.of(0));
        seen[0] = true;
        for (int next = 0; next < queue.size(); next++) {
            for (String href : hrefs(pages.answer(MixedPages.pagePath(queue.get(next)), 80))) {
                if (href.startsWith("/p/") && !seen[Integer.parseInt(href.substring(3))]) {
                    seen[Integer.parseInt(href.substring(3))] = true;
                    queue.add(Integer.parseInt(href.substring(3)));
                }
            }
        }
        assertEquals(PAGES, queue.size());
    }

    @Test
    void aMixedSiteAnswersOverHttp() throws Exception {
        try (MixedSite site = MixedSite.start("127.0.0.61", 7, PAGES)) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> home = http.send(
                    HttpRequest.newBuilder(URI.create(site.seedUrl())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertEquals(new String(pages.answer("/", site.port()).body(), StandardCharsets.UTF_8), home.body());
            HttpResponse<String> gone = http.send(
                    HttpRequest.newBuilder(URI.create(site.url("/gone/3"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, gone.statusCode());
            assertEquals(2, site.requestCount());
        }
    }

    private static List<String> hrefs(MixedPages.Answer page) {
        List<String> hrefs = new ArrayList<>();
        Matcher m = HREF.matcher(new String(page.body(), StandardCharsets.UTF_8));
        while (m.find()) {
            hrefs.add(m.group(1));
        }
        return hrefs;
    }
}
