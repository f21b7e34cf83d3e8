package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestSite;
import io.simplecrawler.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Invariant 5 across the running services: a record that is not an event, on any topic a
 * service consumes, lands in crawl.fetch.dlq with its topic and a reason, and the pipeline goes on.
 */
class DeadLetterTest {
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    /** Not crawl.events: only the gateway's webhooks read it, and they skip what they cannot read. */
    private static final List<String> CONSUMED =
            List.of(Topics.JOBS, Topics.FETCH, Topics.LINKS, Topics.PAGES, Topics.FRONTIER);

    private final CrawlApi api = Pipeline.api();

    @Test
    void malformedRecordsOnEveryConsumedTopicAreDeadLetteredAndCrawlsGoOn() {
        String key = "malformed-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
                TopicReader deadLetters = new TopicReader(TestKafka.bootstrapServers(), Topics.FETCH_DLQ)) {
            for (String topic : CONSUMED) {
                producer.send(
                        new ProducerRecord<>(topic, key, "{\"not\": \"an event\"".getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();

            Set<String> letteredTopics = await().atMost(DEADLINE)
                    .until(
                            () -> deadLetters.values(Topics.FETCH_DLQ, DeadLetter.class).stream()
                                    .filter(letter -> key.equals(letter.key())
                                            && !letter.reason().isBlank())
                                    .map(DeadLetter::topic)
                                    .collect(Collectors.toSet()),
                            topics -> topics.containsAll(CONSUMED));
            assertEquals(Set.copyOf(CONSUMED), letteredTopics);
        }
        try (TestSite site = TestSite.tree(2, 1).start()) {
            UUID id = api.submit(Map.of("url", site.url("/"), "maxDepth", 1));
            assertEquals("completed", api.awaitFinished(id, DEADLINE).get("status"), "the pipeline goes on");
        }
    }
}
