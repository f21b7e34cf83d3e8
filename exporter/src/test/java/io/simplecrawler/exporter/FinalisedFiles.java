package io.simplecrawler.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.simplecrawler.schemas.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

/** What a large job's folder holds while it is finalised and once it is ({@link LargeJournal}). */
final class FinalisedFiles {
    private FinalisedFiles() {}

    /** Whether a finaliser is writing the job's files: a temporary file is in its folder. */
    static boolean underWay(Path resultsDir, UUID job) throws IOException {
        return !noTemporaryFiles(resultsDir, job);
    }

    static boolean noTemporaryFiles(Path resultsDir, UUID job) throws IOException {
        try (Stream<Path> files = Files.list(resultsDir.resolve(job.toString()))) {
            return files.noneMatch(file -> file.getFileName().toString().startsWith("."));
        }
    }

    /** Each page once in the journal and the results, and a manifest that matches the files. */
    static void assertComplete(Path resultsDir, UUID job) throws Exception {
        Path folder = resultsDir.resolve(job.toString());
        try (Stream<String> lines = Files.lines(folder.resolve("pages.jsonl"))) {
            assertEquals(LargeJournal.PAGES, lines.count(), "the seed's second line is gone");
        }
        try (Stream<String> lines = Files.lines(folder.resolve("results.md"))) {
            assertEquals(
                    LargeJournal.PAGES,
                    lines.filter(line -> line.startsWith("## ")).count(),
                    "one section per page");
        }
        JsonNode manifest =
                EventJson.mapper().readTree(folder.resolve("manifest.json").toFile());
        assertEquals("completed", manifest.path("job").path("status").asText());
        assertEquals(2, manifest.path("files").size());
        for (JsonNode file : manifest.path("files")) {
            Path path = folder.resolve(file.path("name").asText());
            assertEquals(Files.size(path), file.path("bytes").asLong(), path.toString());
            assertEquals(sha256(path), file.path("sha256").asText(), path.toString());
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
