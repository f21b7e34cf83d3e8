package io.simplecrawler.fetcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.localstack.SiteRequest;
import io.simplecrawler.localstack.TestKafka;
import io.simplecrawler.localstack.TestRedis;
import io.simplecrawler.localstack.TestSite;
import io.simplecrawler.localstack.TopicReader;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.JobKeys;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.Topics;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The whole service against a real broker, Redis and HTTP site: tasks in, page and links records out. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FetcherServiceTest implements TestPropertyProvider {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Inject
    @Client("/")
    HttpClient http;

    private KafkaProducer<String, byte[]> producer;
    private TopicReader topics;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "redis.uri", TestRedis.uri());
    }

    @BeforeAll
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        topics = new TopicReader(TestKafka.bootstrapServers(), Topics.PAGES, Topics.LINKS, Topics.FETCH_DLQ);
    }

    @AfterAll
    void disconnect() {
        producer.close();
        topics.close();
    }

    @Test
    void settlesEveryKindOfAnswer() {
        String refused;
        try (TestSite closed = TestSite.tree(1, 1).start()) {
            refused = closed.url("/");
        }
        try (TestSite site = TestSite.tree(2, 1).resource("/data.json", 200, "application/json", "{\"a\": 1}").start()) {
            UUID job = jobWith(0, 4, 1000);
            List<String> urls = List.of(site.url("/"), site.url("/status/500"), site.url("/slow?ms=5000"),
                    site.url("/redirect?to=/n0"), refused, site.url("/data.json"));
            urls.forEach(url -> produce(job, url));

            Map<String, PageRecord> pages = awaitPages(job, urls.size());
            Map<String, LinksDiscovered> links = awaitLinks(job, urls.size());

            PageRecord home = pages.get(site.url("/"));
            assertEquals(FetchOutcome.FETCHED, home.outcome());
            assertEquals(200, home.status());
            assertEquals("Page /", home.title());
            assertTrue(home.contentType().startsWith("text/html"), home.contentType());
            assertTrue(home.text().contains("This is page / at depth 0"), home.text());
            assertTrue(home.markdown().startsWith("Page /\n======"), home.markdown());
            assertTrue(home.bytes() > 0);
            assertEquals(List.of(site.url("/n0"), site.url("/n1"), site.url("/"),
                    "http://127.0.0.2:" + site.port() + "/elsewhere"), home.links());
            assertEquals(new LinksDiscovered(job, site.url("/"), 0, FetchOutcome.FETCHED, home.links()),
                    links.get(site.url("/")));

            PageRecord error = pages.get(site.url("/status/500"));
            assertEquals(FetchOutcome.FAILED, error.outcome());
            assertEquals(500, error.status());
            assertEquals("HTTP 500", error.error());
            assertEquals(List.of(), error.links());
            assertEquals(FetchOutcome.FAILED, links.get(site.url("/status/500")).outcome());
            assertEquals(List.of(), links.get(site.url("/status/500")).links());

            PageRecord slow = pages.get(site.url("/slow?ms=5000"));
            assertEquals(FetchOutcome.FAILED, slow.outcome());
            assertEquals(0, slow.status());
            assertEquals("timed out after 1000 ms", slow.error());
            assertTrue(slow.fetchMs() >= 1000 && slow.fetchMs() < 5000, "fetchMs " + slow.fetchMs());
            assertEquals(FetchOutcome.FAILED, links.get(site.url("/slow?ms=5000")).outcome());

            PageRecord data = pages.get(site.url("/data.json"));
            assertEquals(FetchOutcome.FETCHED, data.outcome());
            assertEquals("application/json", data.contentType());
            assertNull(data.text());
            assertEquals(List.of(), data.links());

            PageRecord unreachable = pages.get(refused);
            assertEquals(FetchOutcome.FAILED, unreachable.outcome());
            assertEquals("connection refused", unreachable.error());
            assertEquals(FetchOutcome.FAILED, links.get(refused).outcome());

            PageRecord redirected = pages.get(site.url("/redirect?to=/n0"));
            assertEquals(FetchOutcome.FETCHED, redirected.outcome());
            assertEquals(site.url("/n0"), redirected.finalUrl());
            assertEquals("Page /n0", redirected.title());
        }
    }

    @Test
    void deadLettersAMalformedTaskAndGoesOn() throws Exception {
        try (TestSite site = TestSite.tree(1, 1).start()) {
            String garbage = "not a task " + UUID.randomUUID();
            producer.send(new ProducerRecord<>(Topics.FETCH, "127.0.0.1", garbage.getBytes(StandardCharsets.UTF_8))).get();
            UUID job = jobWith(0, 1, 5000);
            produce(job, site.url("/"));

            await().atMost(DEADLINE).until(() -> deadLetters().stream().anyMatch(d -> garbage.equals(d.value())));
            DeadLetter letter = deadLetters().stream().filter(d -> garbage.equals(d.value())).findFirst().orElseThrow();
            assertEquals(Topics.FETCH, letter.topic());
            assertEquals("127.0.0.1", letter.key());
            assertTrue(letter.reason().contains("FetchTask"), letter.reason());
            assertEquals(FetchOutcome.FETCHED, awaitPages(job, 1).get(site.url("/")).outcome());
        }
    }

    @Test
    void settlesTasksOfCancelledAndUnknownJobsWithoutRequests() {
        try (TestSite site = TestSite.tree(2, 1).start()) {
            UUID cancelled = jobWith(0, 1, 5000);
            redis.sync().sadd(JobKeys.CANCELLED, cancelled.toString());
            UUID unknown = UUID.randomUUID();
            produce(cancelled, site.url("/"));
            produce(unknown, site.url("/n0"));

            for (UUID job : List.of(cancelled, unknown)) {
                PageRecord page = awaitPages(job, 1).values().iterator().next();
                assertEquals(FetchOutcome.CANCELLED, page.outcome());
                assertEquals(0, page.status());
                LinksDiscovered links = awaitLinks(job, 1).values().iterator().next();
                assertEquals(FetchOutcome.CANCELLED, links.outcome());
                assertEquals(List.of(), links.links());
            }
            assertEquals(0, site.requestCount());
        }
    }

    @Test
    void waitsTheJobsDelayBetweenRequestsToOneHost() {
        try (TestSite site = TestSite.tree(5, 1).start()) {
            UUID job = jobWith(200, 1, 5000);
            List<String> paths = List.of("/", "/n0", "/n1", "/n2", "/n3", "/n4");
            paths.forEach(path -> produce(job, site.url(path)));

            awaitPages(job, paths.size()).values().forEach(page -> assertEquals(FetchOutcome.FETCHED, page.outcome()));

            List<SiteRequest> requests = startOrder(site);
            assertEquals(paths.size(), requests.size());
            for (int i = 1; i < requests.size(); i++) {
                SiteRequest previous = requests.get(i - 1);
                SiteRequest next = requests.get(i);
                long gapMs = Duration.ofNanos(next.startNanos() - previous.startNanos()).toMillis();
                assertTrue(gapMs >= 200, "only " + gapMs + " ms between the starts of " + previous + " and " + next);
                assertTrue(next.startNanos() >= previous.endNanos(), next + " overlaps " + previous);
            }
        }
    }

    @Test
    void keepsAtMostTheJobsConcurrencyInFlightToOneHost() {
        try (TestSite site = TestSite.tree(5, 1).pageDelay(Duration.ofMillis(300)).start()) {
            UUID job = jobWith(0, 2, 5000);
            List<String> paths = List.of("/", "/n0", "/n1", "/n2", "/n3", "/n4");
            paths.forEach(path -> produce(job, site.url(path)));

            awaitPages(job, paths.size());

            List<SiteRequest> requests = startOrder(site);
            int mostInFlight = 0;
            for (SiteRequest request : requests) {
                long inFlight = requests.stream()
                        .filter(other -> other.startNanos() <= request.startNanos() && other.endNanos() > request.startNanos())
                        .count();
                mostInFlight = Math.max(mostInFlight, (int) inFlight);
            }
            assertEquals(2, mostInFlight);
        }
    }

    @Test
    void reportsHealthAndMetrics() {
        String health = http.toBlocking().retrieve("/health");
        assertTrue(health.contains("\"kafka\"") && health.contains("\"redis\""), health);
        assertTrue(health.startsWith("{\"name\":\"fetcher\",\"status\":\"UP\"") || health.contains("\"status\":\"UP\""), health);

        String metrics = http.toBlocking().retrieve("/prometheus");
        assertTrue(metrics.contains("fetcher_pages_total{outcome=\"FETCHED\"}"), metrics);
        assertTrue(metrics.contains("fetcher_bytes_total"), metrics);
        assertTrue(metrics.contains("fetcher_fetch_duration_seconds_count"), metrics);
    }

    private UUID jobWith(long delayMs, int concurrency, long timeoutMs) {
        UUID job = UUID.randomUUID();
        JobSettings settings = new JobSettings("http://127.0.0.1/", 100, 3, OutputFormat.MARKDOWN, delayMs, concurrency, timeoutMs);
        redis.sync().set(JobKeys.settings(job), EventJson.writeString(settings));
        return job;
    }

    private void produce(UUID job, String url) {
        try {
            FetchTask task = new FetchTask(job, url, url.endsWith("/") ? 0 : 1, 1);
            producer.send(new ProducerRecord<>(Topics.FETCH, URI.create(url).getHost(), EventJson.write(task))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, PageRecord> awaitPages(UUID job, int count) {
        return awaitByUrl(job, count, () -> topics.values(Topics.PAGES, PageRecord.class), PageRecord::jobId, PageRecord::url);
    }

    private Map<String, LinksDiscovered> awaitLinks(UUID job, int count) {
        return awaitByUrl(job, count, () -> topics.values(Topics.LINKS, LinksDiscovered.class), LinksDiscovered::jobId,
                LinksDiscovered::sourceUrl);
    }

    private <T> Map<String, T> awaitByUrl(UUID job, int count, java.util.function.Supplier<List<T>> read,
                                          Function<T, UUID> jobOf, Function<T, String> urlOf) {
        return await().atMost(DEADLINE).until(
                () -> read.get().stream().filter(v -> job.equals(jobOf.apply(v)))
                        .collect(Collectors.toMap(urlOf, Function.identity(), (first, replayed) -> first)),
                byUrl -> byUrl.size() >= count);
    }

    private List<DeadLetter> deadLetters() {
        return topics.values(Topics.FETCH_DLQ, DeadLetter.class);
    }

    private static List<SiteRequest> startOrder(TestSite site) {
        return site.requests().stream().sorted(Comparator.comparingLong(SiteRequest::startNanos)).toList();
    }
}
