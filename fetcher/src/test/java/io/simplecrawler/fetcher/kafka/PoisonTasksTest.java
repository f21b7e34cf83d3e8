package io.simplecrawler.fetcher.kafka;

import static io.simplecrawler.fetcher.FetchTasks.DEADLINE;
import static io.simplecrawler.fetcher.FetchTasks.settings;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.fetcher.RunningFetcherTest;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.PoisonRun;
import io.simplecrawler.testkit.TestSite;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every kind of fetch task the fetcher cannot process lands in the dead-letter topic with a reason, while a normal job's tasks settle. */
@MicronautTest
class PoisonTasksTest extends RunningFetcherTest {
    @Inject
    FetchTaskConsumer consumer;

    @Test
    void everyPoisonTaskIsDeadLetteredWhileNormalTasksSettle() {
        try (TestSite site = TestSite.tree(2, 1).start()) {
            UUID job = tasks.job(settings(site, 0, 2, 5000));
            PoisonRun run = new PoisonRun();
            Map<String, byte[]> poisons = poisons(job, site.url("/n1"));
            poisons.forEach((name, value) -> tasks.send(run.key(name), value));
            List<String> urls = List.of(site.url("/"), site.url("/n0"));
            urls.forEach(url -> tasks.fetch(job, url));

            Map<String, DeadLetter> letters = await().atMost(DEADLINE)
                    .until(() -> run.lettersByName(tasks.deadLetters()), byName -> byName.keySet()
                            .containsAll(poisons.keySet()));
            poisons.keySet().forEach(name -> {
                assertEquals(Topics.FETCH, letters.get(name).topic(), name);
                assertFalse(letters.get(name).reason().isBlank(), name);
            });
            assertEquals(
                    poisons.get("task of 1 MB").length,
                    letters.get("task of 1 MB").valueBytes());
            assertTrue(letters.get("task at negative depth").reason().contains("negative depth"));
            tasks.awaitPages(job, urls.size())
                    .values()
                    .forEach(page -> assertEquals(FetchOutcome.FETCHED, page.outcome()));
            assertTrue(consumer.isRunning());
        }
    }

    @Test
    void aTaskThatFailsForAReasonOfItsOwnIsDeadLetteredAndSettledAsFailed() {
        UUID job = UUID.randomUUID();
        redis.sync().rpush(JobKeys.settings(job), "not a string"); // reading its settings fails with WRONGTYPE
        String url = "http://127.0.0.1:9/wrong-type";
        tasks.fetch(job, url);

        DeadLetter letter = await().atMost(DEADLINE)
                .until(
                        () -> tasks.deadLetters().stream()
                                .filter(l -> l.value() != null && l.value().contains(job.toString()))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertEquals(Topics.FETCH, letter.topic());
        assertTrue(letter.reason().contains("WRONGTYPE"), letter.reason());
        var page = tasks.awaitPages(job, 1).get(url);
        assertEquals(FetchOutcome.FAILED, page.outcome(), "settled, so that the job finishes");
        assertEquals(letter.reason(), page.error());
        assertEquals(FetchOutcome.FAILED, tasks.awaitLinks(job, 1).get(url).outcome());
    }

    private static Map<String, byte[]> poisons(UUID job, String url) {
        Map<String, byte[]> poisons = new LinkedHashMap<>();
        for (String field : List.of("jobId", "url", "depth", "attempt")) {
            poisons.put("task without " + field, task(job, url, json -> json.remove(field)));
        }
        poisons.put("task with a null job id", task(job, url, json -> json.putNull("jobId")));
        poisons.put("task with a numeric job id", task(job, url, json -> json.put("jobId", 7)));
        poisons.put("task with a text depth", task(job, url, json -> json.put("depth", "deep")));
        poisons.put(
                "task with a huge attempt",
                task(job, url, json -> json.put("attempt", new BigInteger("9".repeat(40)))));
        poisons.put("task with an object url", task(job, url, json -> json.putObject("url")));
        poisons.put("task at negative depth", task(job, url, json -> json.put("depth", -3)));
        poisons.put("task with an empty url", task(job, url, json -> json.put("url", "")));
        poisons.put(
                "task of 1 MB",
                ("{\"jobId\":\"" + job + "\",\"url\":\"" + "\u00e9".repeat(500_000) + "\"")
                        .getBytes(StandardCharsets.UTF_8));
        byte[] binary = new byte[4096];
        new Random(11).nextBytes(binary);
        poisons.put("task of binary bytes", binary);
        poisons.put("task of no bytes", new byte[0]);
        poisons.put("task of a null value", null);
        return poisons;
    }

    private static byte[] task(UUID job, String url, Consumer<ObjectNode> defect) {
        try {
            ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(new FetchTask(job, url, 1, 1)));
            defect.accept(json);
            return EventJson.mapper().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
