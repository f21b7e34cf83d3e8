package io.simplecrawler.exporter.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {
    private static final UUID JOB = UUID.randomUUID();

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
    }

    @Test
    void finalJournalHasEachUrlOnceAndKeepsTheLineAfterACrashFragment() throws IOException {
        journal.append(JOB, List.of(page("https://site.test/", 0, FetchOutcome.FETCHED)));
        // a replay after a crash between the append and the commit writes the same page again
        journal.append(
                JOB,
                List.of(
                        page("https://site.test/", 0, FetchOutcome.FETCHED),
                        page("https://site.test/a", 1, FetchOutcome.FETCHED)));
        // a crash in the middle of an append leaves a line without its end
        Files.writeString(
                paths.journal(JOB), "{\"jobId\":\"" + JOB + "\",\"url\":\"https://sit", StandardOpenOption.APPEND);
        journal.append(JOB, List.of(page("https://site.test/b", 1, FetchOutcome.FAILED)));

        Finalised.write(resultFiles, summary(OutputFormat.MARKDOWN));

        List<String> urls = Files.readAllLines(paths.journal(JOB)).stream()
                .map(line -> EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class)
                        .url())
                .toList();
        assertEquals(List.of("https://site.test/", "https://site.test/a", "https://site.test/b"), urls);
    }

    @Test
    void aJournalWithEachUrlOnceIsKeptAsItIsWithTheContentARewriteWouldGiveIt() throws IOException {
        journal.append(
                JOB,
                List.of(
                        page("https://site.test/", 0, FetchOutcome.FETCHED),
                        page("https://site.test/a", 1, FetchOutcome.FAILED)));
        Object before = Files.readAttributes(paths.journal(JOB), BasicFileAttributes.class)
                .fileKey();

        Finalised.write(resultFiles, summary(OutputFormat.MARKDOWN));

        assertEquals(
                before,
                Files.readAttributes(paths.journal(JOB), BasicFileAttributes.class)
                        .fileKey(),
                "not rewritten");
        for (String line : Files.readAllLines(paths.journal(JOB))) {
            PageRecord page = EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class);
            assertEquals(EventJson.writeString(page.withoutExchanges()), line);
        }
    }

    @Test
    void filesPreparedBeforeAPageWasAppendedAreNotCurrentAndLeaveNothingWhenClosed() throws IOException {
        journal.append(JOB, List.of(page("https://site.test/", 0, FetchOutcome.FETCHED)));
        try (FinalFiles files = resultFiles.prepare(summary(OutputFormat.MARKDOWN))) {
            assertTrue(files.current());
            journal.append(JOB, List.of(page("https://site.test/a", 1, FetchOutcome.FETCHED)));
            assertFalse(files.current(), "a page came after the journal was read");
        }
        try (Stream<Path> folder = Files.list(paths.jobFolder(JOB))) {
            assertEquals(
                    List.of(ResultPaths.JOURNAL),
                    folder.map(file -> file.getFileName().toString()).toList());
        }
    }

    @Test
    void markdownHasTheFetchedPagesInCrawlOrder() throws IOException {
        journal.append(
                JOB,
                List.of(
                        page("https://site.test/c", 2, FetchOutcome.FETCHED),
                        page("https://site.test/a", 1, FetchOutcome.FETCHED),
                        page("https://site.test/", 0, FetchOutcome.FETCHED),
                        page("https://site.test/b", 1, FetchOutcome.FAILED),
                        page("https://site.test/d", 1, FetchOutcome.FETCHED)));

        Finalised.write(resultFiles, summary(OutputFormat.MARKDOWN));

        String markdown = Files.readString(paths.primary(JOB, OutputFormat.MARKDOWN));
        List<String> headings =
                markdown.lines().filter(line -> line.startsWith("## ")).toList();
        assertEquals(
                List.of(
                        "## Title of https://site.test/",
                        "## Title of https://site.test/a",
                        "## Title of https://site.test/d",
                        "## Title of https://site.test/c"),
                headings);
        assertTrue(markdown.contains("<https://site.test/a>\n\nMarkdown of https://site.test/a"));
        assertFalse(markdown.contains("site.test/b"), "failed pages are left out");
    }

    @Test
    void jsonIsOneDocumentWithTheJobAndItsFetchedPages() throws IOException {
        journal.append(
                JOB,
                List.of(
                        page("https://site.test/a", 1, FetchOutcome.FETCHED),
                        page("https://site.test/", 0, FetchOutcome.FETCHED),
                        page("https://site.test/b", 1, FetchOutcome.FAILED)));

        Finalised.write(resultFiles, summary(OutputFormat.JSON));

        JsonNode results = EventJson.mapper()
                .readTree(paths.primary(JOB, OutputFormat.JSON).toFile());
        assertEquals(JOB.toString(), results.path("job").path("id").asText());
        assertEquals("completed", results.path("job").path("status").asText());
        assertEquals(2, results.path("job").path("pagesCrawled").asInt());
        JsonNode pages = results.path("pages");
        assertEquals(2, pages.size());
        assertEquals("https://site.test/", pages.get(0).path("url").asText());
        assertEquals("https://site.test/a", pages.get(1).path("url").asText());
        assertEquals(1, pages.get(1).path("depth").asInt());
        assertEquals("Text of https://site.test/a", pages.get(1).path("text").asText());
    }

    @Test
    void aJobWithoutFetchedPagesGetsEmptyFiles() throws IOException {
        Finalised.write(resultFiles, summary(OutputFormat.MARKDOWN));

        assertEquals("", Files.readString(paths.journal(JOB)));
        assertEquals("# Crawl of https://site.test/\n\n", Files.readString(paths.primary(JOB, OutputFormat.MARKDOWN)));
    }

    @Test
    void theFinalFilesAreReadableByOtherUsersAsNginxInComposeIs() throws IOException {
        journal.append(JOB, List.of(page("https://site.test/", 0, FetchOutcome.FETCHED)));

        Finalised.write(resultFiles, summary(OutputFormat.MARKDOWN));

        for (Path file : List.of(
                paths.primary(JOB, OutputFormat.MARKDOWN), paths.jobFolder(JOB).resolve(Manifest.FILE_NAME))) {
            assertTrue(
                    Files.getPosixFilePermissions(file)
                            .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                    file + " " + Files.getPosixFilePermissions(file));
        }
    }

    @Test
    void theManifestListsTheRenderersScreenshotsWithTheirSizes() throws IOException {
        journal.append(JOB, List.of(page("https://site.test/", 0, FetchOutcome.FETCHED)));
        Path folder = paths.jobFolder(JOB);
        Files.write(folder.resolve("screenshot-0123456789abcdef.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        // a renderer's file still being written is not listed
        Files.write(folder.resolve(".screenshot-42.tmp"), new byte[] {1});

        Finalised.write(resultFiles, summary(OutputFormat.MARKDOWN));

        JsonNode files = EventJson.mapper()
                .readTree(folder.resolve(Manifest.FILE_NAME).toFile())
                .path("files");
        List<String> names = new java.util.ArrayList<>();
        files.forEach(file -> names.add(file.path("name").asText()));
        assertEquals(List.of(ResultPaths.JOURNAL, "results.md", "screenshot-0123456789abcdef.png"), names);
        assertEquals(4, files.get(2).path("bytes").asInt());
    }

    private static PageRecord page(String url, int depth, FetchOutcome outcome) {
        boolean fetched = outcome == FetchOutcome.FETCHED;
        return PageRecord.of(JOB, url, depth, outcome)
                .finalUrl(url)
                .status(fetched ? 200 : 503)
                .contentType("text/html")
                .fetchedAt(Instant.now())
                .fetchMs(12)
                .bytes(fetched ? 100 : 0)
                .title("Title of " + url)
                .text("Text of " + url)
                .markdown("Markdown of " + url)
                .links(List.of(url + "/next"))
                .error(fetched ? null : "HTTP 503")
                .build();
    }

    private static JobSummary summary(OutputFormat format) {
        Instant now = Instant.now();
        return new JobSummary(JOB, "https://site.test/", "completed", format, 3, 2, 1, 200, now, now, now, null, false);
    }
}
