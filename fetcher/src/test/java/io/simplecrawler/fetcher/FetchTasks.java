package io.simplecrawler.fetcher;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.SiteRequest;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestSite;
import io.simplecrawler.testkit.TopicReader;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Drives a fetcher as the frontier would: job settings into Redis, fetch tasks onto
 * {@code crawl.fetch}; and reads what it settled them with.
 */
public final class FetchTasks implements AutoCloseable {
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private final StatefulRedisConnection<String, String> redis;
    private final KafkaProducer<String, byte[]> producer;
    private final TopicReader topics;

    public FetchTasks(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
        this.topics = new TopicReader(TestKafka.bootstrapServers(), Topics.PAGES, Topics.LINKS, Topics.FETCH_DLQ);
    }

    /** Settings of a job seeded at the site's "/", with the given politeness and the defaults of everything else. */
    public static JobSettings settings(TestSite site, long delayMs, int concurrency, long timeoutMs) {
        return new JobSettings(site.url("/"), 100, 3, OutputFormat.MARKDOWN, delayMs, concurrency, timeoutMs);
    }

    /** Like {@link #settings(TestSite, long, int, long)}, reading at most {@code maxBytes} of a body. */
    public static JobSettings settings(TestSite site, long timeoutMs, long maxBytes) {
        return new JobSettings(
                site.url("/"),
                100,
                3,
                OutputFormat.MARKDOWN,
                0,
                4,
                timeoutMs,
                List.of(),
                List.of(),
                false,
                false,
                false,
                true,
                maxBytes,
                false);
    }

    /** A job with these settings, as the frontier stores it; returns its id. */
    public UUID job(JobSettings settings) {
        UUID job = UUID.randomUUID();
        redis.sync().set(JobKeys.settings(job), EventJson.writeString(settings));
        return job;
    }

    /** Sends a task at depth 0 for a URL ending in "/", else depth 1. */
    public void fetch(UUID job, String url) {
        fetch(job, url, url.endsWith("/") ? 0 : 1);
    }

    public void fetch(UUID job, String url, int depth) {
        send(URI.create(url).getHost(), EventJson.write(new FetchTask(job, url, depth, 1)));
    }

    public void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.FETCH, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, PageRecord> awaitPages(UUID job, int count) {
        return awaitByUrl(
                job, count, () -> topics.values(Topics.PAGES, PageRecord.class), PageRecord::jobId, PageRecord::url);
    }

    public Map<String, LinksDiscovered> awaitLinks(UUID job, int count) {
        return awaitByUrl(
                job,
                count,
                () -> topics.values(Topics.LINKS, LinksDiscovered.class),
                LinksDiscovered::jobId,
                LinksDiscovered::sourceUrl);
    }

    /** Every page record of the job so far, replays included. */
    public List<PageRecord> pages(UUID job) {
        return topics.values(Topics.PAGES, PageRecord.class).stream()
                .filter(p -> job.equals(p.jobId()))
                .toList();
    }

    public List<DeadLetter> deadLetters() {
        return topics.values(Topics.FETCH_DLQ, DeadLetter.class);
    }

    /** The site's requests in the order they arrived. */
    public static List<SiteRequest> startOrder(TestSite site) {
        return site.requests().stream()
                .sorted(Comparator.comparingLong(SiteRequest::startNanos))
                .toList();
    }

    private <T> Map<String, T> awaitByUrl(
            UUID job, int count, Supplier<List<T>> read, Function<T, UUID> jobOf, Function<T, String> urlOf) {
        return await().atMost(DEADLINE)
                .until(
                        () -> read.get().stream()
                                .filter(v -> job.equals(jobOf.apply(v)))
                                .collect(Collectors.toMap(urlOf, Function.identity(), (first, replayed) -> first)),
                        byUrl -> byUrl.size() >= count);
    }

    @Override
    public void close() {
        producer.close();
        topics.close();
    }
}
