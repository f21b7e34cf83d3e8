package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.simplecrawler.localstack.ServiceProcess;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestSite;
import io.simplecrawler.testkit.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A webhook secret goes into the gateway and nowhere else a person or a program could read it:
 * not the job's JSON, not a record of any topic, not a line of any service's log.
 */
class SecretsTest {
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private final CrawlApi api = Pipeline.api();

    @Test
    void aWebhookSecretAppearsInNoTopicNoLogAndNoJobJson() throws IOException {
        String secret = "secret-" + UUID.randomUUID();
        try (TestSite site = TestSite.tree(2, 1).start();
                TopicReader topics = new TopicReader(
                        TestKafka.bootstrapServers(),
                        Topics.JOBS,
                        Topics.FETCH,
                        Topics.LINKS,
                        Topics.PAGES,
                        Topics.FRONTIER,
                        Topics.EVENTS,
                        Topics.FETCH_DLQ)) {
            UUID id = api.submit(Map.of(
                    "url",
                    site.url("/"),
                    "maxDepth",
                    1,
                    "webhook",
                    Map.of("url", site.url("/hook"), "secret", secret)));
            Map<String, Object> job = api.awaitFinished(id, DEADLINE);
            assertEquals("completed", job.get("status"), job.toString());
            assertFalse(EventJson.writeString(job).contains(secret), "the job's JSON");

            List<String> records = await().atMost(DEADLINE).until(topics::texts, texts -> texts.stream()
                    .anyMatch(text -> text.contains(id.toString()) && text.contains("COMPLETED")));
            assertFalse(records.stream().anyMatch(text -> text.contains(secret)), "a topic record");
            for (ServiceProcess process : Pipeline.processes().processes()) {
                assertFalse(
                        Files.readString(process.logFile(), StandardCharsets.UTF_8)
                                .contains(secret),
                        "the log of " + process.logFile());
            }
        }
    }
}
