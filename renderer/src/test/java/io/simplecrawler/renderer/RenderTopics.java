package io.simplecrawler.renderer;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.schemas.ContentOptions;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.RenderMode;
import io.simplecrawler.schemas.RenderTask;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
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

/**
 * The renderer's side of the pipeline as a test drives it: a job's settings saved in Redis as the
 * frontier saves them, render tasks sent to crawl.render, and the page and links records read back
 * from the test broker.
 */
final class RenderTopics implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(90);

    private final StatefulRedisConnection<String, String> redis;
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());
    private final TopicReader topics = new TopicReader(TestKafka.bootstrapServers(), Topics.PAGES, Topics.LINKS);

    RenderTopics(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    /** A new job that renders every page of {@code seed}, waiting for {@code waitFor} (may be null). */
    UUID job(String seed, String waitFor, boolean screenshot) {
        return job(seed, waitFor, screenshot, 0);
    }

    /** As {@link #job(String, String, boolean)}, with {@code delayMs} between two requests to a host. */
    UUID job(String seed, String waitFor, boolean screenshot, long delayMs) {
        UUID job = UUID.randomUUID();
        JobSettings settings = new JobSettings(
                seed,
                100,
                3,
                OutputFormat.MARKDOWN,
                delayMs,
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
                screenshot);
        redis.sync().set(JobKeys.settings(job), EventJson.writeString(settings));
        return job;
    }

    void render(UUID job, String host, String url, int depth) {
        producer.send(new ProducerRecord<>(
                Topics.RENDER, host, EventJson.write(new RenderTask(job, url, depth, 1, RenderTask.Reason.ALWAYS))));
        producer.flush();
    }

    PageRecord page(UUID job, String url) {
        return await().atMost(DEADLINE)
                .until(
                        () -> topics.values(Topics.PAGES, PageRecord.class).stream()
                                .filter(p -> job.equals(p.jobId()) && url.equals(p.url()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    LinksDiscovered links(UUID job, String url) {
        return await().atMost(DEADLINE)
                .until(
                        () -> topics.values(Topics.LINKS, LinksDiscovered.class).stream()
                                .filter(l -> job.equals(l.jobId()) && url.equals(l.sourceUrl()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    @Override
    public void close() {
        producer.close();
        topics.close();
    }
}
