package io.simplecrawler.renderer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.renderer.proxy.GuardedProxy;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.PrometheusText;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestRedis;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The renderer with real Chromium, the test broker and Redis, on the single-page application of
 * {@link SpaSite}: scripted content and links come out as a fetched page's would, a slow page
 * waits, a hanging one and a crashing one fail with the reason while the renderer goes on, and no
 * way a page tries reaches the {@link SecretSite}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderingTest implements TestPropertyProvider {
    private static final Duration DEADLINE = RenderTopics.DEADLINE;
    private static final long POLITE_DELAY_MS = 1_500;

    private final SecretSite secret = new SecretSite();
    private final Path resultsDir = tempResults();
    private final SpaSite site = new SpaSite(secret.port());

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Inject
    GuardedProxy proxy;

    @Inject
    @Client("/")
    HttpClient http;

    private RenderTopics topics;

    @Override
    public Map<String, String> getProperties() {
        ChromiumForTests.requireOrSkip();
        return Map.of(
                "kafka.bootstrap.servers",
                TestKafka.bootstrapServers(),
                "redis.uri",
                TestRedis.uri(),
                "simplecrawler.allowed-networks",
                "127.0.0.3/32",
                "simplecrawler.allowed-ports",
                site.port() + "," + secret.port(),
                "renderer.concurrency",
                "1",
                "renderer.page-timeout",
                "10s",
                "renderer.results-dir",
                resultsDir.toString());
    }

    @BeforeAll
    void connect() {
        topics = new RenderTopics(redis);
    }

    @AfterAll
    void close() {
        topics.close();
        site.close();
        secret.close();
    }

    @Test
    void scriptedContentAndLinksComeOutLikeAFetchedPage() {
        UUID job = topics.job(site.url("/"), null, false);
        topics.render(job, "spa.test", site.url("/"), 0);
        topics.render(job, "spa.test", site.url("/late"), 1);

        PageRecord home = topics.page(job, site.url("/"));
        assertEquals(FetchOutcome.FETCHED, home.outcome(), home.error());
        assertEquals(Boolean.TRUE, home.rendered());
        assertTrue(home.renderMs() != null && home.renderMs() >= 0);
        assertTrue(home.text().contains("Text that only an API call brings"), home.text());
        assertTrue(home.markdown().contains("# Rendered by script at /"), home.markdown());
        // the router's links exist only in JavaScript, the API's in its JSON
        assertTrue(
                home.links().containsAll(List.of(site.url("/about"), site.url("/late"), site.url("/team"))),
                home.links().toString());
        LinksDiscovered links = topics.links(job, site.url("/"));
        assertEquals(home.links(), links.links());
        assertTrue(site.requests().contains("/api/content"));

        // without waitFor the page is taken once its network is idle, before the content comes
        PageRecord late = topics.page(job, site.url("/late"));
        assertEquals(FetchOutcome.FETCHED, late.outcome(), late.error());
        assertTrue(!late.text().contains("Late content"), late.text());
    }

    @Test
    void waitForASelectorTakesThePageOnceItRendered() {
        UUID job = topics.job(site.url("/"), "#late", false);
        topics.render(job, "spa.test", site.url("/late"), 1);

        PageRecord late = topics.page(job, site.url("/late"));
        assertEquals(FetchOutcome.FETCHED, late.outcome(), late.error());
        assertTrue(late.text().contains("Late content"), late.text());
    }

    @Test
    void aPageThatNeverLoadsAndOneThatCrashesFailWithTheReasonAndTheRendererGoesOn() {
        UUID job = topics.job(site.url("/"), null, false);
        topics.render(job, "spa.test", site.url("/hang"), 1);
        topics.render(job, "spa.test", site.url("/crash"), 1);
        topics.render(job, "spa.test", site.url("/about"), 1);

        PageRecord hang = topics.page(job, site.url("/hang"));
        assertEquals(FetchOutcome.FAILED, hang.outcome());
        assertTrue(hang.error().contains("timed out"), hang.error());
        PageRecord crash = topics.page(job, site.url("/crash"));
        assertEquals(FetchOutcome.FAILED, crash.outcome());
        assertTrue(crash.error().contains("crash"), crash.error());
        PageRecord after = topics.page(job, site.url("/about"));
        assertEquals(FetchOutcome.FETCHED, after.outcome(), after.error());
        assertTrue(after.text().contains("Rendered by script at /about"), after.text());

        String metrics = http.toBlocking().retrieve("/prometheus");
        assertTrue(PrometheusText.sum(metrics, "simplecrawler_renderer_pages_total", "outcome=\"FAILED\"") >= 2);
        assertTrue(PrometheusText.sum(metrics, "simplecrawler_renderer_pages_total", "outcome=\"FETCHED\"") >= 1);
        assertTrue(PrometheusText.sum(metrics, "simplecrawler_renderer_html_bytes_total") > 0);
        // the hanging page took the page time-out (10 s): it is in no bucket below 10 s
        double all = PrometheusText.sum(metrics, "simplecrawler_renderer_render_duration_seconds_count");
        double within5s =
                PrometheusText.sum(metrics, "simplecrawler_renderer_render_duration_seconds_bucket", "le=\"5.0\"");
        assertTrue(all >= 3 && within5s < all, metrics);
    }

    @Test
    void noWayAPageTriesReachesTheSecretSite() {
        UUID job = topics.job(site.url("/"), null, false);
        long deniedBefore = proxy.deniedCount();
        topics.render(job, "spa.test", site.url("/ssrf"), 1);

        PageRecord page = topics.page(job, site.url("/ssrf"));
        assertEquals(FetchOutcome.FETCHED, page.outcome(), page.error());
        // fetch and WebSocket to 127.0.0.1, an IPv4-mapped address, a name resolving to loopback,
        // an iframe on localhost, a redirect to the metadata address; the 10.0.0.1 image is not even requested
        await().atMost(DEADLINE).until(() -> proxy.deniedCount() - deniedBefore >= 5);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> secret.requests()
                .isEmpty());
        assertEquals(List.of(), secret.requests());
    }

    @Test
    void aScreenshotIsAPngInTheJobsFolderNamedInThePageRecord() throws IOException {
        UUID job = topics.job(site.url("/"), null, true);
        topics.render(job, "spa.test", site.url("/about"), 1);

        PageRecord page = topics.page(job, site.url("/about"));
        assertEquals(FetchOutcome.FETCHED, page.outcome(), page.error());
        assertTrue(
                page.screenshot() != null && page.screenshot().matches("screenshot-[0-9a-f]{16}\\.png"),
                String.valueOf(page.screenshot()));
        byte[] png = Files.readAllBytes(resultsDir.resolve(job.toString()).resolve(page.screenshot()));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertTrue(png.length > 1_000, png.length + " bytes");
        // compose's nginx, another user, sends it when it is downloaded
        assertTrue(
                Files.getPosixFilePermissions(resultsDir.resolve(job.toString()).resolve(page.screenshot()))
                        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ));
    }

    @Test
    void imagesAreNotDownloadedWithoutAScreenshot() {
        UUID job = topics.job(site.url("/"), null, false);
        topics.render(job, "spa.test", site.url("/images"), 1);

        PageRecord page = topics.page(job, site.url("/images"));
        assertEquals(FetchOutcome.FETCHED, page.outcome(), page.error());
        assertTrue(
                site.requests().stream().noneMatch(path -> path.startsWith("/img/")),
                site.requests().toString());
    }

    @Test
    void aRenderedPageIsOneRequestToItsHostUnderTheJobsDelay() {
        UUID job = topics.job(site.url("/"), null, false, POLITE_DELAY_MS);
        List<String> paths = List.of("/polite-1", "/polite-2", "/polite-3");
        paths.forEach(path -> topics.render(job, "spa.test", site.url(path), 1));
        paths.forEach(path -> assertEquals(
                FetchOutcome.FETCHED, topics.page(job, site.url(path)).outcome()));

        List<Long> starts = paths.stream().map(site::firstRequestNanos).sorted().toList();
        for (int i = 1; i < starts.size(); i++) {
            long gapMs = (starts.get(i) - starts.get(i - 1)) / 1_000_000;
            assertTrue(gapMs >= POLITE_DELAY_MS, "documents " + gapMs + " ms apart: " + starts);
        }
    }

    private static Path tempResults() {
        try {
            return Files.createTempDirectory("renderer-results");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
