package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.simplecrawler.localstack.PipelineProcesses;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.PagesEnded;
import io.simplecrawler.schemas.SchemaIdentity;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.SiteRequest;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestSite;
import io.simplecrawler.testkit.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Jobs submitted over REST, crawled through Kafka by the service processes, against sites on 127.0.0.1. */
class PipelineTest {
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(2);
    private static final String ROBOTS_TXT = "/robots.txt";

    private final CrawlApi api = Pipeline.api();

    @Test
    void aDepthTwoCrawlFetchesExactlyThePagesUpToDepthTwoEachOnce() throws IOException {
        try (TestSite site = TestSite.tree(4, 4).start()) {
            UUID id = api.submit(Map.of("url", site.url("/"), "maxDepth", 2, "maxPages", 1000));

            Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);

            Set<String> expected = site.pathsUpToDepth(2);
            assertEquals(21, expected.size());
            assertEquals("completed", job.get("status"), job.toString());
            assertEquals(21, job.get("pagesCrawled"));
            assertEquals(0, job.get("pagesFailed"));
            assertEquals(100, job.get("progress"));
            assertEquals(expected, requestedPaths(site), "every page of depth <= 2, nothing deeper, no other host");
            expected.forEach(path -> assertEquals(1, site.requestCount(path), path + " fetched once"));

            String results = api.results(id).body();
            expected.forEach(
                    path -> assertTrue(results.contains("Page " + path), "results.md has the title of " + path));
            assertEquals(expected, pagePaths(id));
        }
    }

    @Test
    void aPageBudgetOfSevenFetchesExactlySevenPages() throws IOException {
        try (TestSite site = TestSite.tree(3, 6).start()) {
            UUID id = api.submit(Map.of("url", site.url("/"), "maxDepth", 10, "maxPages", 7));

            Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);

            assertEquals("completed", job.get("status"), job.toString());
            assertEquals(7, job.get("pagesCrawled"));
            assertEquals(7, site.requestCount() - site.requestCount(ROBOTS_TXT), "7 pages, besides robots.txt");
            assertEquals(7, pagePaths(id).size());
        }
    }

    @Test
    void failingAndTimedOutPagesAreCountedAndTheJobStillCompletes() throws IOException {
        try (TestSite site = TestSite.tree(2, 1)
                .linkFromRoot("/status/500")
                .linkFromRoot("/slow?ms=5000")
                .start()) {
            UUID id = api.submit(Map.of("url", site.url("/"), "maxDepth", 1, "timeoutMs", 1000));

            Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);

            assertEquals("completed", job.get("status"), job.toString());
            assertEquals(2, job.get("pagesFailed"), job.toString());
            assertEquals(3, job.get("pagesCrawled"), "the root and its two children");
            Map<String, PageRecord> pages =
                    Pipeline.pages(id).stream().collect(Collectors.toMap(PageRecord::url, Function.identity()));
            assertEquals(500, pages.get(site.url("/status/500")).status());
            assertTrue(pages.get(site.url("/slow?ms=5000")).error() != null);
        }
    }

    @Test
    void twoJobsRunningAtOnceOnDifferentSitesDoNotMixPages() throws IOException {
        try (TestSite first = TestSite.tree(3, 3).start();
                TestSite second = TestSite.tree(3, 3).start()) {
            UUID a = api.submit(Map.of("url", first.url("/"), "maxDepth", 2));
            UUID b = api.submit(Map.of("url", second.url("/"), "maxDepth", 2));

            assertEquals("completed", api.awaitFinished(a, JOB_DEADLINE).get("status"));
            assertEquals("completed", api.awaitFinished(b, JOB_DEADLINE).get("status"));

            assertEquals(first.pathsUpToDepth(2), pagePaths(a));
            assertEquals(second.pathsUpToDepth(2), pagePaths(b));
            assertTrue(Pipeline.pages(a).stream().allMatch(p -> p.url().startsWith(first.baseUrl())));
            assertTrue(Pipeline.pages(b).stream().allMatch(p -> p.url().startsWith(second.baseUrl())));
        }
    }

    /**
     * Real output, every topic: a completed crawl with a failing page, a crawl cancelled while its
     * politeness delay holds its tasks, and a record the exporter cannot read (to produce a dead
     * letter). Every record of these jobs carries the header of its schema and conforms to it;
     * each job's pages end with its end-of-pages marker, the last record of the job in its partition.
     */
    @Test
    void everyRecordOfACrawlOnEveryTopicFollowsTheSchemaItsHeaderNames() throws Exception {
        try (TestSite site = TestSite.tree(2, 2).linkFromRoot("/status/404").start();
                TestSite slow = TestSite.tree(3, 2).start();
                TopicReader topics = new TopicReader(TestKafka.bootstrapServers(), TOPICS)) {
            UUID completed = api.submit(Map.of("url", site.url("/"), "maxDepth", 2));
            UUID cancelled = api.submit(Map.of("url", slow.url("/"), "maxDepth", 2, "delayMs", 5_000));
            UUID unreadable = UUID.randomUUID();
            await().atMost(JOB_DEADLINE)
                    .until(() -> "running".equals(api.job(cancelled).get("status")));
            assertEquals(200, api.cancel(cancelled).statusCode());
            sendUnreadablePage(unreadable);
            assertEquals("completed", api.awaitFinished(completed, JOB_DEADLINE).get("status"));
            Set<String> jobs = Set.of(completed.toString(), cancelled.toString());
            Set<String> letters = Set.of(unreadable.toString());

            await().atMost(JOB_DEADLINE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertPagesEndWithTheMarker(topics, completed, "completed");
                assertPagesEndWithTheMarker(topics, cancelled, "cancelled");
                assertFalse(
                        ofJobs(topics, Topics.FETCH_DLQ, letters).isEmpty(), "the unreadable page is dead-lettered");
            });
            Set<String> schemas = new TreeSet<>();
            for (String topic : TOPICS) {
                // the one record written by hand, the unreadable page, has no header; its dead letter has
                for (ConsumerRecord<String, byte[]> record :
                        ofJobs(topics, topic, topic.equals(Topics.FETCH_DLQ) ? letters : jobs)) {
                    String header = TopicReader.schemaOf(record);
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    assertEquals(
                            List.of(),
                            RecordSchemas.problems(header, value),
                            () -> topic + " record " + record.partition() + "@" + record.offset() + " " + value);
                    schemas.add(header);
                }
            }
            assertEquals(
                    new TreeSet<>(Set.of(
                            "job-submitted/2",
                            "job-cancelled/1",
                            "fetch-task/1",
                            "links-discovered/2",
                            "page-record/2",
                            "pages-ended/1",
                            "urls-admitted/1",
                            "crawl-finished/1",
                            "crawl-cancelled/1",
                            "job-event/2",
                            "dead-letter/1")),
                    schemas,
                    "the crawl put every kind of record on the topics");
        }
    }

    /**
     * kcat, the first consumer from outside: the README's command reads crawl.pages, and every line of
     * the job, pages and marker alike, conforms to the schema its header names.
     */
    @Test
    void kcatReadsCrawlPagesAndEveryLineFollowsTheSchemaItsHeaderNames() throws IOException {
        System.out.print(Programs.run(
                        PipelineProcesses.repoRoot(),
                        10,
                        Map.of(),
                        List.of(),
                        List.of(
                                PipelineProcesses.repoRoot()
                                        .resolve("compose/local/ensure-package.sh")
                                        .toString(),
                                "kcat",
                                "kcat",
                                "PipelineTest's kcat test is skipped"))
                .output());
        Programs.skipLoudlyUnless(
                Programs.which("kcat").isPresent(),
                "PipelineTest.kcatReadsCrawlPages",
                "kcat is not installed (make test installs Debian's kcat when run as root)");
        try (TestSite site = TestSite.tree(2, 2).linkFromRoot("/status/404").start()) {
            UUID id = api.submit(Map.of("url", site.url("/"), "maxDepth", 2));
            Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);

            List<JsonNode> lines = await().atMost(JOB_DEADLINE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> kcatPagesOf(id),
                            read -> !read.isEmpty() && "pages-ended/1".equals(kcatHeader(read.get(read.size() - 1))));
            for (JsonNode line : lines) {
                JsonNode payload = line.path("payload");
                String value = payload.isTextual() ? payload.asText() : payload.toString();
                assertEquals(List.of(), RecordSchemas.problems(kcatHeader(line), value), line::toString);
            }
            long pages = (Integer) job.get("pagesCrawled") + (Integer) job.get("pagesFailed");
            assertEquals(pages + 1, lines.size(), "each page once, then the marker");
            assertEquals(
                    pages,
                    EventJson.mapper()
                            .readTree(
                                    lines.get(lines.size() - 1).path("payload").asText())
                            .path("total")
                            .asLong());
        }
    }

    /** The README's command, {@code kcat -b <broker> -C -t crawl.pages -o beginning -e -q -J}: the job's lines. */
    private static List<JsonNode> kcatPagesOf(UUID id) throws IOException {
        Programs.Run kcat = Programs.run(
                PipelineProcesses.repoRoot(),
                2,
                Map.of(),
                List.of(),
                List.of(
                        "kcat",
                        "-b",
                        TestKafka.bootstrapServers(),
                        "-C",
                        "-t",
                        Topics.PAGES,
                        "-o",
                        "beginning",
                        "-e",
                        "-q",
                        "-J"));
        assertEquals(0, kcat.exit(), kcat.output());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : kcat.output().lines().toList()) {
            JsonNode envelope = EventJson.mapper().readTree(line);
            if (id.toString().equals(envelope.path("key").asText())) {
                lines.add(envelope);
            }
        }
        // kcat prints each partition in offset order; the job's records are all in one partition
        return lines;
    }

    /** The schema header of a kcat -J line: kcat 1.7 prints headers as [name, value, ...], its help as an object. */
    private static String kcatHeader(JsonNode line) {
        JsonNode headers = line.path("headers");
        if (headers.isObject()) {
            return headers.path(SchemaIdentity.HEADER).asText(null);
        }
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            if (SchemaIdentity.HEADER.equals(headers.get(i).asText())) {
                return headers.get(i + 1).asText();
            }
        }
        return null;
    }

    private static final String[] TOPICS =
            Topics.ALL.stream().map(Topics.TopicSpec::name).toArray(String[]::new);

    /** The records of these jobs: keyed by one of them, or (fetch tasks, keyed by host) naming one in their value. */
    private static List<ConsumerRecord<String, byte[]>> ofJobs(TopicReader topics, String topic, Set<String> jobs) {
        return topics.records(topic).stream()
                .filter(record -> jobs.contains(record.key())
                        || topic.equals(Topics.FETCH) && jobs.contains(jobOfTask(record.value())))
                .toList();
    }

    /** The job of a fetch task; "" for a value that is none (another test's poison record). */
    private static String jobOfTask(byte[] value) {
        try {
            return EventJson.read(value, FetchTask.class).jobId().toString();
        } catch (MalformedEventException e) {
            return "";
        }
    }

    /** The job's last record on crawl.pages is its one marker, counting its distinct pages, in the partition of all. */
    private static void assertPagesEndWithTheMarker(TopicReader topics, UUID job, String status) {
        List<ConsumerRecord<String, byte[]>> records = ofJobs(topics, Topics.PAGES, Set.of(job.toString()));
        assertFalse(records.isEmpty(), "records of " + job);
        ConsumerRecord<String, byte[]> last = records.get(records.size() - 1);
        assertEquals("pages-ended/1", TopicReader.schemaOf(last), "the last record of " + job);
        List<ConsumerRecord<String, byte[]>> pages = records.subList(0, records.size() - 1);
        assertTrue(pages.stream().noneMatch(r -> "pages-ended/1".equals(TopicReader.schemaOf(r))), "one marker");
        assertTrue(pages.stream().allMatch(r -> r.partition() == last.partition()), "one partition");
        PagesEnded marker = EventJson.read(last.value(), PagesEnded.class);
        assertEquals(status, marker.status().wireName());
        assertEquals(
                pages.stream()
                        .map(r -> EventJson.read(r.value(), PageRecord.class).url())
                        .distinct()
                        .count(),
                marker.total());
    }

    private static void sendUnreadablePage(UUID key) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PAGES, key.toString(), "{\"jobId\": 42"))
                    .get();
        }
    }

    /** The pages requested; robots.txt, which every job asks for once per host, aside. */
    private static Set<String> requestedPaths(TestSite site) {
        return site.requests().stream()
                .map(SiteRequest::pathAndQuery)
                .filter(path -> !path.equals(ROBOTS_TXT))
                .collect(Collectors.toSet());
    }

    private static Set<String> pagePaths(UUID id) throws IOException {
        List<PageRecord> pages = Pipeline.pages(id);
        Set<String> paths =
                pages.stream().map(p -> URI.create(p.url()).getRawPath()).collect(Collectors.toSet());
        assertEquals(pages.size(), paths.size(), "each page once in pages.jsonl");
        return paths;
    }
}
