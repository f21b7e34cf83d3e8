package io.simplecrawler.frontier.stream;

import static org.awaitility.Awaitility.await;

import io.simplecrawler.schemas.CrawlFact;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.JobSubmitted;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.RenderTask;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends the records a gateway and fetchers would send the frontier, and reads what it wrote. */
final class FrontierRecords implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestKafka.bootstrapServers(),
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                    1_100_000),
            new StringSerializer(),
            new ByteArraySerializer());
    private final TopicReader reader = new TopicReader(
            TestKafka.bootstrapServers(), Topics.FETCH, Topics.RENDER, Topics.FRONTIER, Topics.FETCH_DLQ);

    void submit(UUID job, String seed, int maxPages, int maxDepth) {
        submit(job, new JobSettings(seed, maxPages, maxDepth, OutputFormat.MARKDOWN, 0, 4, 30_000));
    }

    void submit(UUID job, JobSettings settings) {
        send(Topics.JOBS, job, new JobSubmitted(job, settings, Instant.now()));
    }

    void send(String topic, UUID job, Object event) {
        send(topic, job.toString(), EventJson.write(event));
    }

    void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    List<FetchTask> awaitTasks(UUID job, int count) {
        return await().atMost(DEADLINE)
                .until(
                        () -> reader.values(Topics.FETCH, FetchTask.class).stream()
                                .filter(t -> t.jobId().equals(job))
                                .toList(),
                        tasks -> tasks.size() >= count);
    }

    List<RenderTask> awaitRenderTasks(UUID job, int count) {
        return await().atMost(DEADLINE)
                .until(
                        () -> reader.values(Topics.RENDER, RenderTask.class).stream()
                                .filter(t -> t.jobId().equals(job))
                                .toList(),
                        tasks -> tasks.size() >= count);
    }

    List<FetchTask> fetchTasks(UUID job) {
        return reader.values(Topics.FETCH, FetchTask.class).stream()
                .filter(t -> t.jobId().equals(job))
                .toList();
    }

    /** The facts of one type the frontier told the exporter about a job, in order. */
    <T extends CrawlFact> List<T> facts(UUID job, Class<T> type) {
        return reader.values(Topics.FRONTIER, CrawlFact.class).stream()
                .filter(fact -> fact.jobId().equals(job))
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    <T extends CrawlFact> T awaitFact(UUID job, Class<T> type) {
        return await().atMost(DEADLINE)
                .until(() -> facts(job, type), l -> !l.isEmpty())
                .get(0);
    }

    List<DeadLetter> deadLetters() {
        return reader.values(Topics.FETCH_DLQ, DeadLetter.class);
    }

    /** Settles the seed's task with {@code links} and each of their tasks with none, as fetchers would. */
    void settleSeedAndChildren(UUID job, String seed, List<String> links) {
        awaitTasks(job, 1);
        send(Topics.LINKS, job, new LinksDiscovered(job, seed, 0, FetchOutcome.FETCHED, links));
        for (FetchTask task : awaitTasks(job, 1 + links.size())) {
            if (task.depth() == 1) {
                send(Topics.LINKS, job, new LinksDiscovered(job, task.url(), 1, FetchOutcome.FETCHED, List.of()));
            }
        }
    }

    @Override
    public void close() {
        producer.close();
        reader.close();
    }
}
