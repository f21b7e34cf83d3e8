package io.simplecrawler.exporter.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files beside the tests; {@code -Dgolden.update=true} rewrites them from the current output. */
final class Golden {
    private static final Path SOURCE_FOLDER = Path.of("src/test/resources/io/simplecrawler/exporter/results");

    private Golden() {}

    static void assertMatches(String name, String actual) {
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.writeString(SOURCE_FOLDER.resolve(name), actual, StandardCharsets.UTF_8);
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = Golden.class.getResourceAsStream(name)) {
            assertEquals(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    actual,
                    "differs from the golden file " + name + " (-Dgolden.update=true rewrites it)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
