package io.simplecrawler.pageparse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected outputs kept beside the tests in src/test/resources. Run with
 * {@code -Dgolden.update=true} to rewrite them from the current output, then review the diff.
 */
final class Golden {
    private static final Path SOURCE_FOLDER = Path.of("src/test/resources/io/simplecrawler/pageparse");

    private Golden() {}

    static String resource(String name) {
        try (InputStream in = Golden.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertMatches(String name, String actual) {
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.writeString(SOURCE_FOLDER.resolve(name), actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertEquals(
                resource(name), actual, "differs from the golden file " + name + " (-Dgolden.update=true rewrites it)");
    }
}
