package io.simplecrawler.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

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
                new Sample(
                        "job submitted, markdown",
                        JobCommand.class,
                        new JobSubmitted(
                                JOB,
                                new JobSettings("https://example.org/", 100, 2, OutputFormat.MARKDOWN, 500, 2, 10_000),
                                AT)),
                new Sample(
                        "job submitted, json, seed only",
                        JobCommand.class,
                        new JobSubmitted(
                                JOB,
                                new JobSettings(
                                        "http://127.0.0.1:8080/docs/index.html?lang=en",
                                        1,
                                        0,
                                        OutputFormat.JSON,
                                        0,
                                        1,
                                        30_000),
                                AT)),
                new Sample(
                        "job submitted, content options",
                        JobCommand.class,
                        new JobSubmitted(
                                JOB,
                                new JobSettings(
                                        "https://example.org/",
                                        10,
                                        1,
                                        OutputFormat.READABLE,
                                        0,
                                        4,
                                        30_000,
                                        List.of(),
                                        List.of(),
                                        false,
                                        false,
                                        true,
                                        true,
                                        JobSettings.DEFAULT_MAX_BYTES,
                                        false,
                                        new ContentOptions(
                                                List.of("markdown", "html", "rawHtml"),
                                                List.of("main", "#content"),
                                                List.of(".ad")),
                                        RenderMode.NEVER,
                                        null,
                                        false),
                                AT)),
                new Sample(
                        "page, with its HTML",
                        PageRecord.class,
                        PageRecord.of(JOB, "https://example.org/", 0, FetchOutcome.FETCHED)
                                .finalUrl("https://example.org/")
                                .status(200)
                                .contentType("text/html")
                                .fetchedAt(AT)
                                .markdown("# Hello")
                                .html("<body><h1>Hello</h1></body>")
                                .rawHtml("<!doctype html><title>Hi</title><nav>x</nav><h1>Hello</h1>")
                                .build()),
                new Sample(
                        "job submitted, rendered with a screenshot",
                        JobCommand.class,
                        new JobSubmitted(
                                JOB,
                                new JobSettings(
                                        "https://app.example/",
                                        50,
                                        3,
                                        OutputFormat.MARKDOWN,
                                        500,
                                        2,
                                        10_000,
                                        List.of(),
                                        List.of("/admin/.*"),
                                        false,
                                        false,
                                        true,
                                        true,
                                        JobSettings.DEFAULT_MAX_BYTES,
                                        false,
                                        ContentOptions.NONE,
                                        RenderMode.AUTO,
                                        "#app .loaded",
                                        true),
                                AT)),
                new Sample("job cancelled", JobCommand.class, new JobCancelled(JOB, AT)),
                new Sample("job stalled", JobCommand.class, new JobStalled(JOB, AT)),
                new Sample("fetch task, seed", FetchTask.class, new FetchTask(JOB, "https://example.org/", 0, 1)),
                new Sample(
                        "fetch task, retry",
                        FetchTask.class,
                        new FetchTask(JOB, "https://example.org/blog/2024/%C3%A9t%C3%A9", 3, 2)),
                new Sample(
                        "render task, an application shell",
                        RenderTask.class,
                        new RenderTask(JOB, "https://app.example/#/about", 1, 1, RenderTask.Reason.SHELL)),
                new Sample(
                        "links, fetched",
                        LinksDiscovered.class,
                        new LinksDiscovered(
                                JOB,
                                "https://example.org/",
                                0,
                                FetchOutcome.FETCHED,
                                List.of("https://example.org/about", "https://other.example/x?y=1#z"))),
                new Sample(
                        "links, page without links",
                        LinksDiscovered.class,
                        new LinksDiscovered(JOB, "https://example.org/about", 1, FetchOutcome.FETCHED, List.of())),
                new Sample(
                        "links, failed, no list",
                        LinksDiscovered.class,
                        new LinksDiscovered(JOB, "https://example.org/gone", 1, FetchOutcome.FAILED, null)),
                new Sample(
                        "links, cancelled",
                        LinksDiscovered.class,
                        new LinksDiscovered(JOB, "https://example.org/later", 2, FetchOutcome.CANCELLED, List.of())),
                new Sample(
                        "links, seed with sitemap links",
                        LinksDiscovered.class,
                        new LinksDiscovered(
                                JOB,
                                "https://example.org/",
                                0,
                                FetchOutcome.FETCHED,
                                List.of("https://example.org/about"),
                                List.of("https://example.org/archive/2019", "https://example.org/about"))),
                new Sample(
                        "links, blocked",
                        LinksDiscovered.class,
                        new LinksDiscovered(JOB, "https://example.org/private/", 1, FetchOutcome.BLOCKED, List.of())),
                new Sample("page, fetched", PageRecord.class, fetchedPage()),
                new Sample(
                        "page, rendered with a screenshot",
                        PageRecord.class,
                        fetchedPage().toBuilder()
                                .rendered(true)
                                .renderMs(840L)
                                .screenshot("screenshots/0c6f5e2d.png")
                                .build()),
                new Sample(
                        "page, HTTP 404",
                        PageRecord.class,
                        PageRecord.of(JOB, "https://example.org/gone", 1, FetchOutcome.FAILED)
                                .finalUrl("https://example.org/gone")
                                .status(404)
                                .contentType("text/html")
                                .fetchedAt(AT)
                                .fetchMs(35)
                                .bytes(512)
                                .links(List.of())
                                .error("HTTP 404")
                                .build()),
                new Sample(
                        "page, no response",
                        PageRecord.class,
                        PageRecord.of(JOB, "https://slow.example/", 1, FetchOutcome.FAILED)
                                .fetchedAt(AT)
                                .fetchMs(10_000)
                                .error("request timed out after 10000 ms")
                                .build()),
                new Sample(
                        "page, cancelled",
                        PageRecord.class,
                        PageRecord.of(JOB, "https://example.org/later", 2, FetchOutcome.CANCELLED)
                                .error("job cancelled")
                                .build()),
                new Sample(
                        "page, blocked by robots.txt",
                        PageRecord.class,
                        PageRecord.of(JOB, "https://example.org/private/", 1, FetchOutcome.BLOCKED)
                                .fetchedAt(AT)
                                .links(List.of())
                                .error("disallowed by robots.txt")
                                .build()),
                new Sample(
                        "page, skipped PDF",
                        PageRecord.class,
                        PageRecord.of(JOB, "https://example.org/a.pdf", 1, FetchOutcome.SKIPPED)
                                .finalUrl("https://example.org/a.pdf")
                                .status(200)
                                .contentType("application/pdf")
                                .fetchedAt(AT)
                                .fetchMs(12)
                                .links(List.of())
                                .error("not HTML: application/pdf")
                                .build()),
                new Sample(
                        "page, redirected duplicate",
                        PageRecord.class,
                        PageRecord.of(JOB, "https://example.org/old", 1, FetchOutcome.DUPLICATE)
                                .finalUrl("https://example.org/new")
                                .status(301)
                                .fetchedAt(AT)
                                .fetchMs(8)
                                .links(List.of())
                                .error("redirects to https://example.org/new, fetched under another task")
                                .redirects(List.of("https://example.org/new"))
                                .build()),
                new Sample(
                        "page, truncated, redirected, canonical",
                        PageRecord.class,
                        PageRecord.of(JOB, "http://example.org/big", 2, FetchOutcome.FETCHED)
                                .finalUrl("https://example.org/big/")
                                .status(200)
                                .contentType("text/html")
                                .fetchedAt(AT)
                                .fetchMs(900)
                                .bytes(10_485_760)
                                .title("Big")
                                .text("Big text")
                                .markdown("# Big")
                                .links(List.of())
                                .truncated(true)
                                .redirects(List.of("https://example.org/big", "https://example.org/big/"))
                                .canonicalUrl("https://example.org/huge")
                                .build()),
                new Sample("page, every content field, summary and WARC exchanges", PageRecord.class, detailedPage()),
                new Sample(
                        "page, readable",
                        PageRecord.class,
                        PageRecord.of(JOB, "https://example.org/post", 1, FetchOutcome.FETCHED)
                                .finalUrl("https://example.org/post")
                                .status(200)
                                .contentType("text/html")
                                .fetchedAt(AT)
                                .fetchMs(40)
                                .bytes(2_048)
                                .title("Post")
                                .text("Post text")
                                .markdown("# Post")
                                .links(List.of())
                                .headings(List.of())
                                .wordCount(2)
                                .internalLinks(List.of())
                                .externalLinks(List.of())
                                .readable(new ReadableArticle("Post", "By Ada", null, "Post text"))
                                .build()),
                new Sample("event, started", JobEvent.class, new JobEvent.Started(JOB, AT)),
                new Sample(
                        "event, page written",
                        JobEvent.class,
                        new JobEvent.PageWritten(JOB, "https://example.org/docs/", null, AT)),
                new Sample(
                        "event, page that failed",
                        JobEvent.class,
                        new JobEvent.PageWritten(JOB, "https://example.org/gone", "HTTP 404", AT)),
                new Sample("event, completed", JobEvent.class, new JobEvent.Completed(JOB, 87, 80, 7, AT)),
                new Sample(
                        "event, failed at the end",
                        JobEvent.class,
                        new JobEvent.Failed(JOB, 1, 1, "the seed could not be fetched: HTTP 404", AT)),
                new Sample(
                        "event, failed before the crawl ended",
                        JobEvent.class,
                        new JobEvent.Failed(JOB, "invalid seed URL: ftp://example.org/", AT)),
                new Sample("event, cancelled", JobEvent.class, new JobEvent.Cancelled(JOB, AT)),
                new Sample(
                        "pages ended, completed", PagesEnded.class, new PagesEnded(JOB, 87, JobStatus.COMPLETED, AT)),
                new Sample("pages ended, no pages", PagesEnded.class, new PagesEnded(JOB, 0, JobStatus.FAILED, AT)),
                new Sample("crawl fact, seed admitted", CrawlFact.class, new UrlsAdmitted(JOB, 1, 0, AT)),
                new Sample(
                        "crawl fact, links admitted and filtered", CrawlFact.class, new UrlsAdmitted(JOB, 41, 3, AT)),
                new Sample("crawl fact, finished", CrawlFact.class, new CrawlFinished(JOB, 87, 12, AT)),
                new Sample(
                        "crawl fact, rejected",
                        CrawlFact.class,
                        new JobRejected(JOB, "maxPages must be at least 1", AT)),
                new Sample("crawl fact, cancelled", CrawlFact.class, new CrawlCancelled(JOB, AT)),
                new Sample(
                        "stats of a job",
                        PageStats.class,
                        new PageStats(
                                null,
                                JOB,
                                3,
                                2048,
                                Map.of("FETCHED", 2L, "FAILED", 1L),
                                Map.of("2xx", 2L, "4xx", 1L),
                                Map.of("text/html", 3L),
                                Map.of("HTTP 404", 1L),
                                17,
                                120L,
                                480L,
                                AT)),
                new Sample(
                        "stats of a host with no page requested",
                        PageStats.class,
                        new PageStats(
                                "example.org",
                                null,
                                1,
                                0,
                                Map.of("BLOCKED", 1L),
                                Map.of("none", 1L),
                                Map.of(),
                                Map.of(),
                                0,
                                null,
                                null,
                                null)),
                new Sample(
                        "dead letter, bad json", DeadLetter.class, deadLetter("example.org", "{\"jobId\":", 9, null)),
                new Sample(
                        "dead letter, no key, not UTF-8", DeadLetter.class, deadLetter(null, "\uFFFD\uFFFDx", 3, null)),
                new Sample("dead letter, no value", DeadLetter.class, deadLetter("example.org", null, null, null)),
                new Sample(
                        "dead letter, value cut",
                        DeadLetter.class,
                        deadLetter("example.org", "\0".repeat(64 * 1024), 100_000, Boolean.TRUE)));
    }

    private static PageRecord detailedPage() {
        return PageRecord.of(JOB, "http://example.org/guide", 1, FetchOutcome.FETCHED)
                .finalUrl("https://example.org/guide/")
                .status(200)
                .contentType("text/html; charset=ISO-8859-1")
                .fetchedAt(AT)
                .fetchMs(120)
                .bytes(5)
                .title("Guide")
                .text("Guide Caf\u00e9")
                .markdown("# Guide\n\nCaf\u00e9")
                .links(List.of("https://example.org/a", "https://other.example/b"))
                .redirects(List.of("https://example.org/guide/"))
                .description("A guide.")
                .language("fr")
                .headings(List.of(new Heading(1, "Guide"), new Heading(2, "Install")))
                .wordCount(2)
                .internalLinks(List.of("https://example.org/a"))
                .externalLinks(List.of("https://other.example/b"))
                .summary(new PageSummary(List.of("The guide explains everything."), List.of("guide", "install")))
                .exchanges(List.of(
                        new CapturedExchange(
                                "http://example.org/guide",
                                "GET",
                                Map.of("User-Agent", List.of("SimpleCrawler")),
                                "HTTP/1.1",
                                301,
                                Map.of("location", List.of("https://example.org/guide/")),
                                null,
                                false),
                        new CapturedExchange(
                                "https://example.org/guide/",
                                "GET",
                                Map.of("User-Agent", List.of("SimpleCrawler")),
                                "HTTP/2",
                                200,
                                Map.of("content-type", List.of("text/html; charset=ISO-8859-1")),
                                "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1),
                                true)))
                .build();
    }

    private static PageRecord fetchedPage() {
        return PageRecord.of(JOB, "https://example.org/docs/", 1, FetchOutcome.FETCHED)
                .finalUrl("https://example.org/docs/index.html")
                .status(200)
                .contentType("text/html; charset=UTF-8")
                .fetchedAt(AT)
                .fetchMs(182)
                .bytes(14_523)
                .title("Docs \u2013 \"Example\"")
                .text("Docs \u2013 \"Example\"\nWelcome. Caf\u00e9 \u2615 <not a tag>")
                .markdown(
                        "# Docs \u2013 \"Example\"\n\nWelcome. Caf\u00e9 \u2615 \\<not a tag\\>\n\n[About](https://example.org/about)\n")
                .links(List.of("https://example.org/about"))
                .build();
    }

    /** A dead letter of each shape the faults module's {@code DeadLetters} builds: value whole, cut or absent. */
    private static DeadLetter deadLetter(String key, String value, Integer valueBytes, Boolean valueTruncated) {
        String sha256 = value == null ? null : "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        return new DeadLetter(
                Topics.FETCH, 7, 12_345L, key, value, "not a valid FetchTask", AT, valueBytes, sha256, valueTruncated);
    }
}
