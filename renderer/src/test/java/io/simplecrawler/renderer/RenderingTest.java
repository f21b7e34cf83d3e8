package io.simplecrawler.renderer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.renderer.proxy.GuardedProxy;
import io.simplecrawler.schemas.ContentOptions;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.RenderMode;
import io.simplecrawler.schemas.RenderTask;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.PrometheusText;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestRedis;
import io.simplecrawler.testkit.TopicReader;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final SecretSite secret = new SecretSite();
    private final SpaSite site = new SpaSite(secret.port());

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Inject
    GuardedProxy proxy;

    @Inject
    @Client("/")
    HttpClient http;

    private KafkaProducer<String, byte[]> producer;
    private TopicReader topics;

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
                "10s");
    }

    @BeforeAll
    void connect() {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
        topics = new TopicReader(TestKafka.bootstrapServers(), Topics.PAGES, Topics.LINKS);
    }

    @AfterAll
    void close() {
        producer.close();
        topics.close();
        site.close();
        secret.close();
    }

    @Test
    void scriptedContentAndLinksComeOutLikeAFetchedPage() {
        UUID job = job(null);
        render(job, site.url("/"), 0);
        render(job, site.url("/late"), 1);

        PageRecord home = page(job, site.url("/"));
        assertEquals(FetchOutcome.FETCHED, home.outcome(), home.error());
        assertEquals(Boolean.TRUE, home.rendered());
        assertTrue(home.renderMs() != null && home.renderMs() >= 0);
        assertTrue(home.text().contains("Text that only an API call brings"), home.text());
        assertTrue(home.markdown().contains("# Rendered by script at /"), home.markdown());
        // the router's links exist only in JavaScript, the API's in its JSON
        assertTrue(
                home.links().containsAll(List.of(site.url("/about"), site.url("/late"), site.url("/team"))),
                home.links().toString());
        LinksDiscovered links = links(job, site.url("/"));
        assertEquals(home.links(), links.links());
        assertTrue(site.requests().contains("/api/content"));

        // without waitFor the page is taken once its network is idle, before the content comes
        PageRecord late = page(job, site.url("/late"));
        assertEquals(FetchOutcome.FETCHED, late.outcome(), late.error());
        assertTrue(!late.text().contains("Late content"), late.text());
    }

    @Test
    void waitForASelectorTakesThePageOnceItRendered() {
        UUID job = job("#late");
        render(job, site.url("/late"), 1);

        PageRecord late = page(job, site.url("/late"));
        assertEquals(FetchOutcome.FETCHED, late.outcome(), late.error());
        assertTrue(late.text().contains("Late content"), late.text());
    }

    @Test
    void aPageThatNeverLoadsAndOneThatCrashesFailWithTheReasonAndTheRendererGoesOn() {
        UUID job = job(null);
        render(job, site.url("/hang"), 1);
        render(job, site.url("/crash"), 1);
        render(job, site.url("/about"), 1);

        PageRecord hang = page(job, site.url("/hang"));
        assertEquals(FetchOutcome.FAILED, hang.outcome());
        assertTrue(hang.error().contains("timed out"), hang.error());
        PageRecord crash = page(job, site.url("/crash"));
        assertEquals(FetchOutcome.FAILED, crash.outcome());
        assertTrue(crash.error().contains("crash"), crash.error());
        PageRecord after = page(job, site.url("/about"));
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
        UUID job = job(null);
        long deniedBefore = proxy.deniedCount();
        render(job, site.url("/ssrf"), 1);

        PageRecord page = page(job, site.url("/ssrf"));
        assertEquals(FetchOutcome.FETCHED, page.outcome(), page.error());
        // fetch and WebSocket to 127.0.0.1, an IPv4-mapped address, a name resolving to loopback,
        // an iframe on localhost, a redirect to the metadata address; the 10.0.0.1 image is not even requested
        await().atMost(DEADLINE).until(() -> proxy.deniedCount() - deniedBefore >= 5);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> secret.requests()
                .isEmpty());
        assertEquals(List.of(), secret.requests());
    }

    @Test
    void imagesAreNotDownloadedWithoutAScreenshot() {
        UUID job = job(null);
        render(job, site.url("/images"), 1);

        PageRecord page = page(job, site.url("/images"));
        assertEquals(FetchOutcome.FETCHED, page.outcome(), page.error());
        assertTrue(
                site.requests().stream().noneMatch(path -> path.startsWith("/img/")),
                site.requests().toString());
    }

    private UUID job(String waitFor) {
        UUID job = UUID.randomUUID();
        JobSettings settings = new JobSettings(
                site.url("/"),
                100,
                3,
                OutputFormat.MARKDOWN,
                0,
                2,
                10_000,
                List.of(),
                List.of(),
                false,
                false,
                false,
                false,
                JobSettings.DEFAULT_MAX_BYTES,
                false,
                ContentOptions.NONE,
                RenderMode.ALWAYS,
                waitFor,
                false);
        redis.sync().set(JobKeys.settings(job), EventJson.writeString(settings));
        return job;
    }

    private void render(UUID job, String url, int depth) {
        producer.send(new ProducerRecord<>(
                Topics.RENDER,
                "spa.test",
                EventJson.write(new RenderTask(job, url, depth, 1, RenderTask.Reason.ALWAYS))));
        producer.flush();
    }

    private PageRecord page(UUID job, String url) {
        return await().atMost(DEADLINE)
                .until(() -> find(topics.values(Topics.PAGES, PageRecord.class), job, url), Optional::isPresent)
                .orElseThrow();
    }

    private LinksDiscovered links(UUID job, String url) {
        return await().atMost(DEADLINE)
                .until(
                        () -> topics.values(Topics.LINKS, LinksDiscovered.class).stream()
                                .filter(l -> job.equals(l.jobId()) && url.equals(l.sourceUrl()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<PageRecord> find(List<PageRecord> pages, UUID job, String url) {
        return pages.stream()
                .filter(p -> job.equals(p.jobId()) && url.equals(p.url()))
                .findFirst();
    }
}
