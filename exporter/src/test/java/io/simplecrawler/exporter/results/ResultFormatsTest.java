package io.simplecrawler.exporter.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.simplecrawler.schemas.CapturedExchange;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.Warcinfo;

/** Every format's file for one realistic crawl ({@link SitePages}), against golden files; the manifest and the WARC. */
class ResultFormatsTest {
    @TempDir
    Path resultsDir;

    private ResultPaths paths;
    private PagesJournal journal;
    private ResultFiles resultFiles;

    @BeforeEach
    void setUp() {
        paths = new ResultPaths(new ResultsConfiguration(resultsDir.toString()));
        journal = new PagesJournal(paths);
        resultFiles = new ResultFiles(paths, journal);
        // the seed arrives twice, as after a crash between the journal append and the commit
        journal.append(SitePages.JOB, SitePages.ARRIVAL.subList(0, 2));
        journal.append(SitePages.JOB, SitePages.ARRIVAL);
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void primaryFileMatchesItsGoldenFile(OutputFormat format) throws IOException {
        Finalised.write(resultFiles, SitePages.job(format, false));

        String golden = format.wireName() + "." + (format == OutputFormat.JSON ? "json" : "md");
        Golden.assertMatches(golden, Files.readString(paths.primary(SitePages.JOB, format)));
    }

    @Test
    void markdownPutsEachPageUnderItsOwnSectionInCrawlOrderWithItsHeadingsBelow() throws IOException {
        Finalised.write(resultFiles, SitePages.job(OutputFormat.MARKDOWN, false));

        String markdown = Files.readString(paths.primary(SitePages.JOB, OutputFormat.MARKDOWN));
        assertEquals(
                List.of(
                        "# Crawl of https://docs.example.org/",
                        "## Widget Docs",
                        "### Widget Docs",
                        "#### Start here",
                        "## Installing",
                        "### Installing",
                        "# as root",
                        "## Configuring",
                        "### Configuring",
                        "#### Options",
                        "## Widgets API",
                        "### Widgets API"),
                markdown.lines().filter(line -> line.startsWith("#")).toList(),
                "'# as root' is code: it stays as it is");
        assertTrue(markdown.contains("```bash\n# as root\n"), markdown);
        assertTrue(
                markdown.contains(
                        "Source: <https://docs.example.org/guide/configure.html> (redirected to <https://docs.example.org/guide/configure/>)"));
        assertFalse(markdown.contains("missing"), "failed pages have no section");
    }

    @Test
    void jsonHasEveryFieldOfEachFetchedPage() throws IOException {
        Finalised.write(resultFiles, SitePages.job(OutputFormat.JSON, false));

        JsonNode seed = EventJson.mapper()
                .readTree(paths.primary(SitePages.JOB, OutputFormat.JSON).toFile())
                .path("pages")
                .get(0);
        for (String field : List.of(
                "url",
                "finalUrl",
                "title",
                "description",
                "language",
                "canonical",
                "depth",
                "status",
                "contentType",
                "fetchedAt",
                "fetchMs",
                "bytes",
                "wordCount",
                "headings",
                "links",
                "text",
                "markdown")) {
            assertFalse(seed.path(field).isMissingNode() || seed.path(field).isNull(), field);
        }
        assertEquals("Start here", seed.path("headings").get(1).path("text").asText());
        assertEquals(2, seed.path("headings").get(1).path("level").asInt());
        assertEquals(
                "https://github.com/widgets/server",
                seed.path("links").path("external").get(0).asText());
        assertEquals(2, seed.path("links").path("internal").size());
    }

    @Test
    void journalKeepsEachUrlOnceWithoutTheExchangesAndTheManifestChecksEveryFile() throws Exception {
        Finalised.write(resultFiles, SitePages.job(OutputFormat.SUMMARY, true));

        List<PageRecord> lines = Files.readAllLines(paths.journal(SitePages.JOB)).stream()
                .map(line -> EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class))
                .toList();
        assertEquals(
                SitePages.ARRIVAL.stream().map(PageRecord::url).toList(),
                lines.stream().map(PageRecord::url).toList());
        assertTrue(lines.stream().allMatch(page -> page.exchanges() == null), "the exchanges are in the WARC only");
        assertEquals(SitePages.SEED.summary(), lines.get(1).summary());

        Path folder = paths.jobFolder(SitePages.JOB);
        JsonNode manifest =
                EventJson.mapper().readTree(folder.resolve("manifest.json").toFile());
        assertEquals(SitePages.JOB.toString(), manifest.path("job").path("id").asText());
        assertEquals(
                List.of("pages.jsonl", "results.md", "crawl.warc.gz"),
                manifest.path("files").findValuesAsText("name"));
        for (JsonNode file : manifest.path("files")) {
            Path path = folder.resolve(file.path("name").asText());
            assertEquals(Files.size(path), file.path("bytes").asLong());
            assertEquals(sha256(path), file.path("sha256").asText());
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.getFileName().toString().startsWith("."))
                            .toList(),
                    "no temp file left");
        }
    }

    @Test
    void warcHoldsARequestAndAResponseRecordPerExchangeEachInItsOwnGzipMember() throws IOException {
        Finalised.write(resultFiles, SitePages.job(OutputFormat.MARKDOWN, true));

        List<ReadRecord> records = readWarc();
        assertTrue(records.get(0).record() instanceof Warcinfo);
        List<CapturedExchange> expected = new ArrayList<>();
        Stream.of(SitePages.INSTALL, SitePages.SEED, SitePages.MISSING, SitePages.API, SitePages.CONFIGURE)
                .forEach(page -> expected.addAll(page.exchanges()));
        assertEquals(1 + 2 * expected.size(), records.size());
        for (int i = 0; i < expected.size(); i++) {
            CapturedExchange exchange = expected.get(i);
            ReadRecord response = records.get(1 + 2 * i);
            WarcResponse warcResponse = (WarcResponse) response.record();
            WarcRequest warcRequest = (WarcRequest) records.get(2 + 2 * i).record();
            assertEquals("WARC/1.1", warcResponse.version().toString());
            assertEquals(exchange.uri(), warcResponse.target());
            assertEquals(exchange.status(), response.status());
            byte[] body = exchange.body() == null ? new byte[0] : exchange.body();
            assertArrayEquals(body, response.body());
            assertEquals(
                    Optional.of(Long.toString(body.length)), response.headers().first("Content-Length"));
            assertEquals(Optional.empty(), response.headers().first("Transfer-Encoding"), "the body is not chunked");
            assertEquals(
                    exchange.truncated() ? WarcTruncationReason.LENGTH : WarcTruncationReason.NOT_TRUNCATED,
                    warcResponse.truncated());
            assertEquals(List.of(warcResponse.id()), warcRequest.concurrentTo());
            assertEquals(exchange.uri(), warcRequest.target());
            MessageHeaders requestHeaders = records.get(2 + 2 * i).headers();
            assertEquals(Optional.of("docs.example.org"), requestHeaders.first("Host"));
            assertEquals(Optional.of("SimpleCrawler/0.1"), requestHeaders.first("User-Agent"));
        }
    }

    @Test
    void writingTheFilesAgainAfterACrashKeepsTheWarc() throws IOException {
        Finalised.write(resultFiles, SitePages.job(OutputFormat.MARKDOWN, true));
        int records = readWarc().size();

        Finalised.write(resultFiles, SitePages.job(OutputFormat.MARKDOWN, true));

        assertEquals(records, readWarc().size(), "the rewritten journal has no exchanges left: the WARC stays");
    }

    @Test
    void aJobWithoutFetchedPagesFailsWithItsSeedsError() {
        Path otherRoot = resultsDir.resolve("other");
        ResultPaths otherPaths = new ResultPaths(new ResultsConfiguration(otherRoot.toString()));
        PagesJournal otherJournal = new PagesJournal(otherPaths);
        ResultFiles files = new ResultFiles(otherPaths, otherJournal);
        PageRecord seed = PageRecord.of(SitePages.JOB, "http://127.0.0.1:9/", 0, FetchOutcome.FAILED)
                .finalUrl("http://127.0.0.1:9/")
                .fetchedAt(SitePages.AT)
                .fetchMs(3)
                .links(List.of())
                .error("connection refused")
                .build();
        otherJournal.append(SitePages.JOB, List.of(seed));

        assertEquals(
                Optional.of("seed http://127.0.0.1:9/ failed: connection refused"),
                files.seedFailure(SitePages.JOB, 0));
        assertEquals(
                Optional.empty(), files.seedFailure(SitePages.JOB, 1), "a job that fetched something did not fail");
        assertEquals(Optional.empty(), resultFiles.seedFailure(SitePages.JOB, 0), "this seed was fetched");
    }

    /** A record as read, with its HTTP message's status, headers and body (a reader moves on past the body). */
    private record ReadRecord(WarcRecord record, int status, MessageHeaders headers, byte[] body) {}

    private List<ReadRecord> readWarc() throws IOException {
        Path warc = paths.jobFolder(SitePages.JOB).resolve("crawl.warc.gz");
        byte[] bytes = Files.readAllBytes(warc);
        List<ReadRecord> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (long position = reader.position(); ; position = reader.position()) {
                Optional<WarcRecord> next = reader.next();
                if (next.isEmpty()) {
                    break;
                }
                assertEquals((byte) 0x1f, bytes[(int) position], "record " + records.size() + " starts a gzip member");
                assertEquals((byte) 0x8b, bytes[(int) position + 1]);
                WarcRecord record = next.get();
                if (record instanceof WarcResponse response) {
                    HttpResponse http = response.http();
                    records.add(new ReadRecord(
                            record,
                            http.status(),
                            http.headers(),
                            http.body().stream().readAllBytes()));
                } else if (record instanceof WarcRequest request) {
                    records.add(new ReadRecord(record, 0, request.http().headers(), new byte[0]));
                } else {
                    records.add(new ReadRecord(record, 0, record.headers(), new byte[0]));
                }
            }
        }
        return records;
    }

    private static String sha256(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
