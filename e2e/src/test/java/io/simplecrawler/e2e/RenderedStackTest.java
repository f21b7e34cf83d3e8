package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.simplecrawler.localstack.FreePorts;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.PageRecord;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Rendering in the local stack as {@code make run} starts it (one renderer, Debian's Chromium):
 * a {@code render: "always"} job of a script-built site completes with the text only a browser
 * sees, a {@code render: "auto"} job renders the site's shells and not its plain pages, and
 * {@code make status} and {@code make scale-renderers} see the renderers. Skipped, loudly,
 * where nginx or Chromium is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RenderedStackTest {
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(3);

    private MakeRunStack stack;
    private CrawlApi client;
    private ScriptedSite site;

    @BeforeAll
    void startTheLocalStackWithARenderer() {
        boolean ready =
                MakeRunStack.nginxInstalled() && Programs.which("chromium").isPresent();
        if (!ready) {
            System.err.println("!!! RenderedStackTest SKIPPED: nginx or chromium is not installed"
                    + " (make test installs them when run as root) !!!");
        }
        assumeTrue(ready, "nginx or chromium is not installed");
        stack = MakeRunStack.start(
                "rendered-stack", Map.of("RENDERERS", "1", "RENDERER_PORT", Integer.toString(twoFreePorts())));
        client = new CrawlApi(stack.api());
        site = ScriptedSite.start("127.0.0.31");
    }

    @AfterAll
    void stopEverythingMakeRunStarted() {
        if (site != null) {
            site.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void makeStatusShowsTheHealthyRenderer() {
        String status = stack.make().run(2, "status");
        assertTrue(healthy(status, "renderer-1"), status);
    }

    @Test
    @Order(2)
    void aRenderAlwaysJobCompletesWithTheTextOnlyABrowserSeesAndAScreenshotPerPage() {
        UUID id = client.submit(Map.of("url", site.url("/"), "maxDepth", 1, "render", "always", "screenshot", true));

        Map<String, Object> job = client.awaitFinished(id, JOB_DEADLINE);
        assertEquals("completed", job.get("status"), job.toString());
        Map<String, PageRecord> pages = pages(id);
        assertEquals(4, pages.size(), pages.keySet().toString());
        for (PageRecord page : pages.values()) {
            assertEquals(Boolean.TRUE, page.rendered(), page.url());
            assertTrue(page.renderMs() != null && page.renderMs() >= 0, page.url());
        }
        for (String shell : ScriptedSite.SHELLS) {
            PageRecord page = pages.get(site.url(shell));
            assertTrue(page.text().contains(ScriptedSite.scriptedText(shell)), page.text());
        }

        Set<String> screenshots =
                pages.values().stream().map(PageRecord::screenshot).collect(Collectors.toSet());
        assertEquals(4, screenshots.size(), screenshots.toString());
        String files = client.get("/jobs/" + id).body();
        String manifest = client.get("/download/" + id + "/manifest.json").body();
        for (String screenshot : screenshots) {
            assertTrue(files.contains("\"" + screenshot + "\""), "job files list " + screenshot + ": " + files);
            assertTrue(manifest.contains("\"" + screenshot + "\""), "manifest lists " + screenshot + ": " + manifest);
            HttpResponse<String> png = client.get("/download/" + id + "/" + screenshot);
            assertEquals(200, png.statusCode(), screenshot);
            assertTrue(png.body().startsWith("\uFFFDPNG"), "a PNG");
        }
    }

    @Test
    @Order(2)
    void firecrawlsScreenshotFormatAndWaitForRenderThePageAndLinkItsPng() {
        String shell = ScriptedSite.SHELLS.get(0);
        HttpResponse<String> answer = client.post(
                "/v2/scrape",
                Map.of("url", site.url(shell), "formats", List.of("markdown", "screenshot"), "waitFor", 500),
                JOB_DEADLINE);

        assertEquals(200, answer.statusCode(), answer.body());
        Map<?, ?> document = (Map<?, ?>) CrawlApi.json(answer.body()).get("data");
        assertTrue(String.valueOf(document.get("markdown")).contains(ScriptedSite.scriptedText(shell)), answer.body());
        String png = String.valueOf(document.get("screenshot"));
        assertTrue(png.startsWith(stack.api() + "/download/"), png);
        HttpResponse<String> file = client.get(png.substring(stack.api().length()));
        assertEquals(200, file.statusCode(), png);
        assertTrue(file.body().startsWith("\uFFFDPNG"), "a PNG");
    }

    @Test
    @Order(3)
    void renderAutoRendersTheShellsAndNotThePlainPagesAndCountsEachPageOnce() {
        UUID id = client.submit(Map.of("url", site.url("/"), "maxDepth", 1, "render", "auto"));

        Map<String, Object> job = client.awaitFinished(id, JOB_DEADLINE);
        assertEquals("completed", job.get("status"), job.toString());
        assertEquals(4, job.get("pagesCrawled"), job.toString());
        Map<String, PageRecord> pages = pages(id);
        assertEquals(4, pages.size(), pages.keySet().toString());
        for (String shell : ScriptedSite.SHELLS) {
            PageRecord page = pages.get(site.url(shell));
            assertEquals(Boolean.TRUE, page.rendered(), shell);
            assertTrue(page.text().contains(ScriptedSite.scriptedText(shell)), page.text());
        }
        for (String article : ScriptedSite.ARTICLES) {
            PageRecord page = pages.get(site.url(article));
            assertTrue(page.rendered() == null || !page.rendered(), article + " was rendered");
            assertTrue(page.text().contains("An article at " + article), page.text());
        }

        // the budget stays exact when some of the pages go through the renderer
        UUID budgeted = client.submit(Map.of("url", site.url("/"), "maxDepth", 1, "maxPages", 3, "render", "auto"));
        Map<String, Object> finished = client.awaitFinished(budgeted, JOB_DEADLINE);
        assertEquals("completed", finished.get("status"), finished.toString());
        assertEquals(3, finished.get("pagesCrawled"), finished.toString());
        assertEquals(3, pages(budgeted).size());
    }

    @Test
    @Order(4)
    void scaleRenderersStartsAndStopsReplicas() {
        String up = stack.make().run(4, "scale-renderers", "N=2");
        assertTrue(up.contains("2 renderer replica(s) running"), up);
        String scaled = stack.make().run(2, "status");
        assertTrue(healthy(scaled, "renderer-1") && healthy(scaled, "renderer-2"), scaled);

        String down = stack.make().run(4, "scale-renderers", "N=1");
        assertTrue(down.contains("stopped renderer-2"), down);
        String after = stack.make().run(2, "status");
        assertTrue(healthy(after, "renderer-1"), after);
        assertTrue(after.lines().noneMatch(line -> line.startsWith("renderer-2 ")), after);
    }

    /** Whether {@code make status} says the process runs and answers its health check. */
    private static boolean healthy(String status, String name) {
        return status.lines().anyMatch(line -> line.startsWith(name + " ") && line.contains(" healthy "));
    }

    /** The job's page records, from its pages.jsonl, by URL. */
    Map<String, PageRecord> pages(UUID id) {
        String jsonl = client.get("/download/" + id + "/pages.jsonl").body();
        return jsonl.lines()
                .filter(line -> !line.isBlank())
                .map(line -> EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class))
                .collect(Collectors.toMap(PageRecord::url, Function.identity()));
    }

    /** The first of two consecutive free ports, for renderer-1 and renderer-2. */
    private static int twoFreePorts() {
        while (true) {
            int first = FreePorts.next();
            if (first < 65534 && !FreePorts.inUse(first + 1)) {
                return first;
            }
        }
    }
}
