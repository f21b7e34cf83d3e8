package io.simplecrawler.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Realistic events of every type, with and without their optional fields. */
final class SampleEvents {
    private static final UUID JOB = UUID.fromString("3f2b8c1e-9d4a-4e7b-8a6f-2c1d0e9b7a55");
    private static final Instant AT = Instant.parse("2025-03-14T09:26:53.589793Z");

    /**
     * @param name   shown in test reports
     * @param readAs the type a consumer reads the topic's values as
     */
    record Sample(String name, Class<?> readAs, Record event) {
        @Override
        public String toString() {
            return name;
        }
    }

    private SampleEvents() {}

    static Stream<Sample> all() {
        return Stream.of(
                new Sample("job submitted, markdown", JobCommand.class, new JobSubmitted(
                        JOB, new JobSettings("https://example.org/", 100, 2, OutputFormat.MARKDOWN, 500, 2, 10_000), AT)),
                new Sample("job submitted, json, seed only", JobCommand.class, new JobSubmitted(
                        JOB, new JobSettings("http://127.0.0.1:8080/docs/index.html?lang=en", 1, 0,
                                OutputFormat.JSON, 0, 1, 30_000), AT)),
                new Sample("job cancelled", JobCommand.class, new JobCancelled(JOB, AT)),
                new Sample("job stalled", JobCommand.class, new JobStalled(JOB, AT)),
                new Sample("fetch task, seed", FetchTask.class, new FetchTask(JOB, "https://example.org/", 0, 1)),
                new Sample("fetch task, retry", FetchTask.class,
                        new FetchTask(JOB, "https://example.org/blog/2024/%C3%A9t%C3%A9", 3, 2)),
                new Sample("links, fetched", LinksDiscovered.class, new LinksDiscovered(JOB, "https://example.org/", 0,
                        FetchOutcome.FETCHED, List.of("https://example.org/about", "https://other.example/x?y=1#z"))),
                new Sample("links, page without links", LinksDiscovered.class, new LinksDiscovered(
                        JOB, "https://example.org/about", 1, FetchOutcome.FETCHED, List.of())),
                new Sample("links, failed, no list", LinksDiscovered.class, new LinksDiscovered(
                        JOB, "https://example.org/gone", 1, FetchOutcome.FAILED, null)),
                new Sample("links, cancelled", LinksDiscovered.class, new LinksDiscovered(
                        JOB, "https://example.org/later", 2, FetchOutcome.CANCELLED, List.of())),
                new Sample("links, seed with sitemap links", LinksDiscovered.class, new LinksDiscovered(
                        JOB, "https://example.org/", 0, FetchOutcome.FETCHED, List.of("https://example.org/about"),
                        List.of("https://example.org/archive/2019", "https://example.org/about"))),
                new Sample("links, blocked", LinksDiscovered.class, new LinksDiscovered(
                        JOB, "https://example.org/private/", 1, FetchOutcome.BLOCKED, List.of())),
                new Sample("page, fetched", PageRecord.class, fetchedPage()),
                new Sample("page, HTTP 404", PageRecord.class, new PageRecord(JOB, "https://example.org/gone",
                        "https://example.org/gone", 1, FetchOutcome.FAILED, 404, "text/html", AT, 35, 512,
                        null, null, null, List.of(), "HTTP 404")),
                new Sample("page, no response", PageRecord.class, new PageRecord(JOB, "https://slow.example/",
                        null, 1, FetchOutcome.FAILED, 0, null, AT, 10_000, 0, null, null, null, null,
                        "request timed out after 10000 ms")),
                new Sample("page, cancelled", PageRecord.class, new PageRecord(JOB, "https://example.org/later",
                        null, 2, FetchOutcome.CANCELLED, 0, null, null, 0, 0, null, null, null, null, "job cancelled")),
                new Sample("page, blocked by robots.txt", PageRecord.class, new PageRecord(JOB,
                        "https://example.org/private/", null, 1, FetchOutcome.BLOCKED, 0, null, AT, 0, 0, null, null,
                        null, List.of(), "disallowed by robots.txt")),
                new Sample("page, skipped PDF", PageRecord.class, new PageRecord(JOB, "https://example.org/a.pdf",
                        "https://example.org/a.pdf", 1, FetchOutcome.SKIPPED, 200, "application/pdf", AT, 12, 0, null,
                        null, null, List.of(), "not HTML: application/pdf")),
                new Sample("page, redirected duplicate", PageRecord.class, new PageRecord(JOB,
                        "https://example.org/old", "https://example.org/new", 1, FetchOutcome.DUPLICATE, 301, null,
                        AT, 8, 0, null, null, null, List.of(), "redirects to https://example.org/new, fetched under another task",
                        null, List.of("https://example.org/new"), null)),
                new Sample("page, truncated, redirected, canonical", PageRecord.class, new PageRecord(JOB,
                        "http://example.org/big", "https://example.org/big/", 2, FetchOutcome.FETCHED, 200,
                        "text/html", AT, 900, 10_485_760, "Big", "Big text", "# Big", List.of(), null, true,
                        List.of("https://example.org/big", "https://example.org/big/"), "https://example.org/huge")),
                new Sample("page, every content field, summary and WARC exchanges", PageRecord.class, detailedPage()),
                new Sample("page, readable", PageRecord.class, new PageRecord(JOB, "https://example.org/post",
                        "https://example.org/post", 1, FetchOutcome.FETCHED, 200, "text/html", AT, 40, 2_048, "Post",
                        "Post text", "# Post", List.of(), null, null, null, null, null, null, List.of(), 2, List.of(),
                        List.of(), new ReadableArticle("Post", "By Ada", null, "Post text"), null, null)),
                new Sample("event, started", JobEvent.class, new JobEvent(JOB, JobEvent.Type.STARTED, 0, 0, 0, null, AT)),
                new Sample("event, progress", JobEvent.class,
                        new JobEvent(JOB, JobEvent.Type.PROGRESS, 0, 41, 3, null, AT)),
                new Sample("event, crawled", JobEvent.class, JobEvent.crawled(JOB, 87)),
                new Sample("event, crawled with filtered links", JobEvent.class, JobEvent.crawled(JOB, 87, 12)),
                new Sample("event, progress with counters", JobEvent.class,
                        new JobEvent(JOB, JobEvent.Type.PROGRESS, 0, 41, 3, null, AT, 2L, 5L, null)),
                new Sample("event, completed", JobEvent.class,
                        new JobEvent(JOB, JobEvent.Type.COMPLETED, 87, 80, 7, null, AT)),
                new Sample("event, failed", JobEvent.class, new JobEvent(JOB, JobEvent.Type.FAILED, 0, 12, 0,
                        "cannot write results: No space left on device", AT)),
                new Sample("event, cancelled", JobEvent.class,
                        new JobEvent(JOB, JobEvent.Type.CANCELLED, 0, 5, 1, null, AT)),
                new Sample("dead letter, bad json", DeadLetter.class, deadLetter(
                        "example.org", "{\"jobId\":".getBytes(StandardCharsets.UTF_8))),
                new Sample("dead letter, no key, not UTF-8", DeadLetter.class,
                        deadLetter(null, new byte[] {(byte) 0xFF, (byte) 0xFE, 'x'})),
                new Sample("dead letter, no value", DeadLetter.class, deadLetter("example.org", null)),
                new Sample("dead letter, value cut", DeadLetter.class, deadLetter("example.org", new byte[100_000])));
    }

    private static PageRecord detailedPage() {
        return new PageRecord(JOB, "http://example.org/guide", "https://example.org/guide/", 1, FetchOutcome.FETCHED, 200,
                "text/html; charset=ISO-8859-1", AT, 120, 5, "Guide", "Guide Caf\u00e9", "# Guide\n\nCaf\u00e9",
                List.of("https://example.org/a", "https://other.example/b"), null, null,
                List.of("https://example.org/guide/"), null, "A guide.", "fr",
                List.of(new Heading(1, "Guide"), new Heading(2, "Install")), 2,
                List.of("https://example.org/a"), List.of("https://other.example/b"), null,
                new PageSummary(List.of("The guide explains everything."), List.of("guide", "install")),
                List.of(
                        new CapturedExchange("http://example.org/guide", "GET", Map.of("User-Agent", List.of("SimpleCrawler")),
                                "HTTP/1.1", 301, Map.of("location", List.of("https://example.org/guide/")), null, false),
                        new CapturedExchange("https://example.org/guide/", "GET", Map.of("User-Agent", List.of("SimpleCrawler")),
                                "HTTP/2", 200, Map.of("content-type", List.of("text/html; charset=ISO-8859-1")),
                                "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), true)));
    }

    private static PageRecord fetchedPage() {
        return new PageRecord(JOB, "https://example.org/docs/", "https://example.org/docs/index.html", 1,
                FetchOutcome.FETCHED, 200, "text/html; charset=UTF-8", AT, 182, 14_523,
                "Docs \u2013 \"Example\"",
                "Docs \u2013 \"Example\"\nWelcome. Caf\u00e9 \u2615 <not a tag>",
                "# Docs \u2013 \"Example\"\n\nWelcome. Caf\u00e9 \u2615 \\<not a tag\\>\n\n[About](https://example.org/about)\n",
                List.of("https://example.org/about"),
                null);
    }

    /** A dead letter as the services build it, from a consumed record. */
    private static DeadLetter deadLetter(String key, byte[] value) {
        var record = new ConsumerRecord<>(Topics.FETCH, 7, 12_345L, key, value);
        return EventJson.read(DeadLetters.of(record, "not a valid FetchTask").value(), DeadLetter.class);
    }
}
