package io.simplecrawler.analytics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.simplecrawler.analytics.stats.PageTally;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.PageStats;
import io.simplecrawler.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The analytics topology driven record by record: counts, quantiles, duplicates, records that are not pages, poison. */
class AnalyticsTopologyTest {
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(1);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> pages;
    private TestOutputTopic<String, PageStats> jobStats;
    private TestOutputTopic<String, PageStats> hostStats;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void drive() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(AnalyticsTopology.build(RETENTION, meters), props);
        pages = driver.createInputTopic(
                Topics.PAGES, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        jobStats = driver.createOutputTopic(
                Topics.STATS_JOBS, Serdes.String().deserializer(), AnalyticsTopology.STATS.deserializer());
        hostStats = driver.createOutputTopic(
                Topics.STATS_HOSTS, Serdes.String().deserializer(), AnalyticsTopology.STATS.deserializer());
        deadLetters = driver.createOutputTopic(
                Topics.FETCH_DLQ,
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void countsEachPageOfAJobOnceAndEstimatesItsFetchTimes() {
        UUID job = UUID.randomUUID();
        List<PageRecord> records = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            records.add(PageRecord.of(job, "http://a.test/" + i, 1, FetchOutcome.FETCHED)
                    .status(200)
                    .contentType(i % 2 == 0 ? "text/html; charset=UTF-8" : "Text/HTML")
                    .fetchedAt(START.plusSeconds(i))
                    .fetchMs(i)
                    .bytes(1000)
                    .links(List.of("http://a.test/x", "http://a.test/y", "http://b.test/z"))
                    .build());
        }
        for (int i = 1; i <= 5; i++) {
            records.add(PageRecord.of(job, "http://b.test/gone" + i, 1, FetchOutcome.FAILED)
                    .status(404)
                    .contentType("text/plain")
                    .fetchedAt(START)
                    .fetchMs(5)
                    .bytes(10)
                    .error("HTTP 404")
                    .build());
            records.add(PageRecord.of(job, "http://B.test/down" + i, 1, FetchOutcome.FAILED)
                    .fetchedAt(START)
                    .fetchMs(3000)
                    .error("connect timed out: b.test/10.0.0." + i)
                    .build());
            records.add(PageRecord.of(job, "http://b.test/private" + i, 1, FetchOutcome.BLOCKED)
                    .error("robots.txt")
                    .build());
        }
        long at = START.toEpochMilli();
        for (PageRecord record : records) {
            send(job.toString(), EventJson.write(record), at++);
        }
        for (PageRecord record : records.subList(0, 50)) {
            send(job.toString(), EventJson.write(record), at++); // at least once: delivered again
        }

        PageStats stats = jobStats.readKeyValuesToMap().get(job.toString());
        assertEquals(job, stats.jobId());
        assertEquals(115, stats.pages(), "each (jobId, url) once");
        assertEquals(100 * 1000 + 5 * 10, stats.bytes());
        assertEquals(Map.of("FETCHED", 100L, "FAILED", 10L, "BLOCKED", 5L), stats.outcomes());
        assertEquals(Map.of("2xx", 100L, "4xx", 5L, "none", 10L), stats.statusClasses());
        assertEquals(Map.of("text/html", 100L, "text/plain", 5L), stats.contentTypes());
        assertEquals(Map.of("HTTP 404", 5L, "connect timed out", 5L), stats.failures());
        assertEquals(300, stats.outlinks());
        // 110 requested pages: 1..100 ms, five of 5 ms, five of 3000 ms
        assertEquals(50.5, stats.fetchMsP50(), 2, "p50");
        assertTrue(stats.fetchMsP95() >= 98 && stats.fetchMsP95() <= 3000, "p95 " + stats.fetchMsP95());
        assertEquals(START.plusSeconds(100), stats.lastFetchedAt());

        Map<String, PageStats> hosts = hostStats.readKeyValuesToMap();
        assertEquals(100, hosts.get("a.test").pages());
        assertEquals(15, hosts.get("b.test").pages(), "host names are compared in lower case");
        assertEquals(
                Map.of("HTTP 404", 5L, "connect timed out", 5L),
                hosts.get("b.test").failures());
        assertEquals(50, hosts.get("a.test").fetchMsP50(), 2, "the sketch of host a.test: 1..100 ms");

        assertEquals(
                50.0, meters.counter("simplecrawler.analytics.pages.duplicate").count());
        assertEquals(
                115.0, meters.counter("simplecrawler.analytics.pages.counted").count());
        PageTally stored = driver.<String, PageTally>getKeyValueStore(AnalyticsTopology.JOB_STATS)
                .get(job.toString());
        assertNotNull(stored.fetchTimes(), "the sketch is kept, serialised, in the store");
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void hostsGatherEveryJobWhileTheSamePageInAnotherJobCountsForThatJob() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        for (UUID job : List.of(first, second)) {
            send(job.toString(), EventJson.write(fetched(job, "http://a.test/", 10)), START.toEpochMilli());
        }

        Map<String, PageStats> jobs = jobStats.readKeyValuesToMap();
        assertEquals(1, jobs.get(first.toString()).pages());
        assertEquals(1, jobs.get(second.toString()).pages());
        assertEquals(2, hostStats.readKeyValuesToMap().get("a.test").pages());
    }

    @Test
    void aDuplicateLaterThanTheRetentionIsCountedAgain() {
        UUID job = UUID.randomUUID();
        byte[] page = EventJson.write(fetched(job, "http://a.test/", 10));
        send(job.toString(), page, START.toEpochMilli());
        send(job.toString(), page, START.plus(RETENTION).minusSeconds(1).toEpochMilli());
        assertEquals(1, jobStats.readKeyValuesToMap().get(job.toString()).pages(), "within the retention");

        send(job.toString(), page, START.plus(RETENTION.multipliedBy(3)).toEpochMilli());
        assertEquals(2, jobStats.readKeyValuesToMap().get(job.toString()).pages(), "the page was forgotten");
    }

    @Test
    void recordsThatAreNotPagesAreSkippedAndPoisonIsDeadLetteredWhileTheRestIsCounted() {
        UUID job = UUID.randomUUID();
        String key = job.toString();
        long at = START.toEpochMilli();
        send(key, utf8("{\"jobId\":\"" + job + "\",\"type\":\"end-of-pages\",\"total\":1}"), at++);
        var marker = new RecordHeaders().add(PageReader.SCHEMA_HEADER, utf8("pages-end/1"));
        pages.pipeInput(new TestRecord<>(key, EventJson.write(fetched(job, "http://a.test/m", 1)), marker, at++));
        send(key, utf8("not json"), at++);
        send(key, utf8("[1,2]"), at++);
        send(key, utf8("{\"url\":\"http://a.test/\"}"), at++);
        send(key, utf8("{\"jobId\":\"" + job + "\",\"url\":\"http://a.test/\",\"outcome\":\"EXPLODED\"}"), at++);
        send("not-the-job", EventJson.write(fetched(job, "http://a.test/k", 1)), at++);
        send(key, null, at++);
        send(key, EventJson.write(fetched(job, "http://a.test/ok", 7)), at);

        List<DeadLetter> letters = deadLetters.readValuesToList().stream()
                .map(bytes -> EventJson.read(bytes, DeadLetter.class))
                .toList();
        assertEquals(6, letters.size(), "the unreadable ones: " + letters);
        letters.forEach(letter -> {
            assertEquals(Topics.PAGES, letter.topic());
            assertFalse(letter.reason().isBlank());
        });
        assertTrue(
                letters.get(0).reason().contains("PageRecord"), letters.get(0).reason());
        assertTrue(letters.get(3).reason().contains("EXPLODED"), letters.get(3).reason());
        assertTrue(
                letters.get(4).reason().contains("not the page's jobId"),
                letters.get(4).reason());
        assertEquals(
                1,
                jobStats.readKeyValuesToMap().get(key).pages(),
                "markers skipped, the page after the poison counted");
        assertEquals(
                2.0, meters.counter("simplecrawler.analytics.records.skipped").count());
        assertEquals(
                6.0,
                meters.find("simplecrawler.dlq.records").tag("topic", Topics.PAGES).counters().stream()
                        .mapToDouble(Counter::count)
                        .sum());
    }

    private static PageRecord fetched(UUID job, String url, long fetchMs) {
        return PageRecord.of(job, url, 0, FetchOutcome.FETCHED)
                .status(200)
                .contentType("text/html")
                .fetchedAt(START)
                .fetchMs(fetchMs)
                .bytes(100)
                .build();
    }

    private void send(String key, byte[] value, long timestamp) {
        pages.pipeInput(key, value, timestamp);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
