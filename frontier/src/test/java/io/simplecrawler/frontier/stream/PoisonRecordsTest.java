package io.simplecrawler.frontier.stream;

import static io.simplecrawler.frontier.stream.FrontierRecords.DEADLINE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.schemas.CrawlFinished;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobRejected;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.JobSubmitted;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.PoisonRun;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Every kind of record the frontier cannot process, on both topics it reads, lands in the
 * dead-letter topic with its topic and a reason, while a normal job crawls to the end.
 */
@MicronautTest
class PoisonRecordsTest extends RunningFrontierTest {
    private static final String SEED = "http://normal.test/";

    @Inject
    FrontierStreams streams;

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Inject
    MeterRegistry meters;

    @Test
    void everyPoisonRecordIsDeadLetteredWhileANormalJobCompletes() {
        UUID job = UUID.randomUUID();
        records.submit(job, SEED, 10, 1);
        records.awaitTasks(job, 1);

        Map<String, Poison> poisons = poisons(job);
        PoisonRun run = new PoisonRun();
        poisons.forEach((name, poison) -> records.send(poison.topic(), run.key(name), poison.value()));
        records.settleSeedAndChildren(job, SEED, List.of(SEED + "a", SEED + "b"));

        Map<String, DeadLetter> letters = await().atMost(DEADLINE)
                .until(() -> run.lettersByName(records.deadLetters()), byName -> byName.keySet()
                        .containsAll(poisons.keySet()));
        poisons.forEach((name, poison) -> {
            DeadLetter letter = letters.get(name);
            assertEquals(poison.topic(), letter.topic(), name);
            assertFalse(letter.reason().isBlank(), name);
        });
        // simplecrawler_dlq_records_total counts each letter by its source topic and reason class
        double counted = 0;
        for (String topic : List.of(Topics.LINKS, Topics.JOBS)) {
            for (String reason : List.of("invalid_record", "processing_error")) {
                counted += deadLetters(topic, reason);
            }
        }
        assertTrue(
                counted >= poisons.size(),
                counted + " letters counted, "
                        + meters.find("simplecrawler.dlq.records").counters().stream()
                                .map(c -> c.getId() + "=" + c.count())
                                .toList());
        DeadLetter huge = letters.get("links of 1 MB");
        assertEquals(poisons.get("links of 1 MB").value().length, huge.valueBytes());
        assertEquals(Boolean.TRUE, huge.valueTruncated());
        assertTrue(letters.get("links of a URL never admitted").reason().contains("never admitted"));
        assertTrue(letters.get("links at negative depth").reason().contains("negative depth"));
        assertTrue(deadLetters(Topics.LINKS, "invalid_record") >= 1, "a record that cannot be read is invalid");

        assertEquals(
                3,
                records.awaitFact(job, CrawlFinished.class).total(),
                "the dead-lettered links of the seed, of \"\" and of other URLs settled nothing");
        assertEquals(KafkaStreams.State.RUNNING, streams.state());
    }

    @Test
    void aSubmissionWithAnUnusableSeedOrBudgetFailsItsJob() {
        UUID badSeed = UUID.randomUUID();
        UUID noBudget = UUID.randomUUID();
        records.send(Topics.JOBS, badSeed, new JobSubmitted(badSeed, settings("not a url", 10), Instant.now()));
        records.send(Topics.JOBS, noBudget, new JobSubmitted(noBudget, settings(SEED, -1), Instant.now()));

        String badSeedError = records.awaitFact(badSeed, JobRejected.class).reason();
        assertTrue(badSeedError.contains("not a url"), badSeedError);
        String noBudgetError = records.awaitFact(noBudget, JobRejected.class).reason();
        assertTrue(noBudgetError.contains("maxPages"), noBudgetError);
    }

    @Test
    void aSubmissionThatFailsForAReasonOfItsOwnIsDeadLetteredAndItsJobFails() {
        UUID job = UUID.randomUUID();
        redis.sync().set(JobKeys.admitted(job), "not a hash"); // the admission script fails with WRONGTYPE
        records.submit(job, "http://wrong-type.test/", 10, 1);

        String error = records.awaitFact(job, JobRejected.class).reason();
        DeadLetter letter = await().atMost(DEADLINE)
                .until(
                        () -> records.deadLetters().stream()
                                .filter(l -> job.toString().equals(l.key()))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertEquals(Topics.JOBS, letter.topic());
        assertTrue(letter.reason().contains("WRONGTYPE"), letter.reason());
        assertEquals(letter.reason(), error);
        assertTrue(deadLetters(Topics.JOBS, "processing_error") >= 1);
    }

    private double deadLetters(String topic, String reason) {
        Counter counter = meters.find("simplecrawler.dlq.records")
                .tags("topic", topic, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, Poison> poisons(UUID job) {
        Map<String, Poison> poisons = new LinkedHashMap<>();
        for (String field : List.of("jobId", "sourceUrl", "depth", "outcome")) {
            poisons.put("links without " + field, links(job, json -> json.remove(field)));
        }
        poisons.put("links with a numeric job id", links(job, json -> json.put("jobId", 42)));
        poisons.put("links with a null job id", links(job, json -> json.putNull("jobId")));
        poisons.put("links with a text depth", links(job, json -> json.put("depth", "deep")));
        poisons.put(
                "links with a huge depth",
                links(job, json -> json.put("depth", new java.math.BigInteger("1" + "0".repeat(30)))));
        poisons.put("links with links as text", links(job, json -> json.put("links", SEED + "x")));
        poisons.put("links with an unknown outcome", links(job, json -> json.put("outcome", "MAYBE")));
        poisons.put("links at negative depth", links(job, json -> json.put("depth", -1)));
        poisons.put("links of an empty URL", links(job, json -> json.put("sourceUrl", "")));
        poisons.put("links of a URL never admitted", links(job, json -> json.put("sourceUrl", SEED + "nowhere")));
        poisons.put(
                "links of an unknown job",
                links(job, json -> json.put("jobId", UUID.randomUUID().toString())));
        poisons.put(
                "links of 1 MB",
                new Poison(
                        Topics.LINKS,
                        ("{\"jobId\":\"" + "a".repeat(1_000_000) + "\",\"depth\":0}")
                                .getBytes(StandardCharsets.UTF_8)));
        poisons.put("links of binary bytes", new Poison(Topics.LINKS, binary()));
        poisons.put("links of no bytes", new Poison(Topics.LINKS, new byte[0]));
        poisons.put("links of a null value", new Poison(Topics.LINKS, null));
        for (String field : List.of("type", "jobId", "settings", "submittedAt")) {
            poisons.put("job without " + field, submitted(json -> json.remove(field)));
        }
        poisons.put("job with a null job id", submitted(json -> json.putNull("jobId")));
        poisons.put("job without a seed", submitted(json -> ((ObjectNode) json.get("settings")).remove("url")));
        poisons.put("job with a text budget", submitted(json -> ((ObjectNode) json.get("settings"))
                .put("maxPages", "many")));
        poisons.put("job with an unknown format", submitted(json -> ((ObjectNode) json.get("settings"))
                .put("format", "pdf")));
        poisons.put("job command of an unknown type", submitted(json -> json.put("type", "paused")));
        poisons.put(
                "job of 1 MB",
                new Poison(
                        Topics.JOBS,
                        ("{\"type\":\"submitted\",\"x\":\"" + "\u00e9".repeat(500_000) + "\"}")
                                .getBytes(StandardCharsets.UTF_8)));
        poisons.put("job of binary bytes", new Poison(Topics.JOBS, binary()));
        return poisons;
    }

    private static Poison links(UUID job, Consumer<ObjectNode> defect) {
        return new Poison(
                Topics.LINKS,
                broken(new LinksDiscovered(job, SEED, 0, FetchOutcome.FETCHED, List.of(SEED + "x")), defect));
    }

    private static Poison submitted(Consumer<ObjectNode> defect) {
        UUID job = UUID.randomUUID();
        return new Poison(
                Topics.JOBS, broken(new JobSubmitted(job, settings("http://poison.test/", 10), Instant.now()), defect));
    }

    private static JobSettings settings(String seed, int maxPages) {
        return new JobSettings(seed, maxPages, 1, OutputFormat.MARKDOWN, 0, 4, 30_000);
    }

    private static byte[] broken(Object event, Consumer<ObjectNode> defect) {
        try {
            ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
            defect.accept(json);
            return EventJson.mapper().writeValueAsBytes(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] binary() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private record Poison(String topic, byte[] value) {}
}
