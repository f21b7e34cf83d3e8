package io.simplecrawler.renderer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tests' Chromium: Debian's, installed when missing and root; otherwise the tests skip loudly. */
public final class ChromiumForTests {
    public static final String PATH = "/usr/bin/chromium";

    private ChromiumForTests() {}

    public static void requireOrSkip() {
        if (!Files.isExecutable(Path.of(PATH))) {
            Path ensure = Path.of("../compose/local/ensure-package.sh");
            try {
                new ProcessBuilder("bash", ensure.toString(), "chromium", "chromium", "the rendering tests are skipped")
                        .inheritIO()
                        .start()
                        .waitFor();
            } catch (IOException e) {
                System.err.println("WARNING: could not run " + ensure + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean present = Files.isExecutable(Path.of(PATH));
        if (!present) {
            System.err.println("WARNING: SKIPPING the rendering tests: " + PATH
                    + " is missing (as root: apt-get install chromium)");
        }
        assumeTrue(present, PATH + " is missing (as root: apt-get install chromium): rendering tests skipped");
    }
}
