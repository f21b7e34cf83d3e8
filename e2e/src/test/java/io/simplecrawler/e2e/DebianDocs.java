package io.simplecrawler.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Real documentation pages for tests, from Debian's postgresql-doc package: installed at test
 * time when missing (as root, with apt-get), never copied into the project. Where that is not
 * possible the calling test is skipped, and says so loudly.
 */
final class DebianDocs {
    private static final Path DOC_ROOT = Path.of("/usr/share/doc");
    private static final long INSTALL_MINUTES = 5;

    private DebianDocs() {}

    /** The folder of the PostgreSQL HTML manual, installing it first if need be. */
    static Path postgresManual() {
        return find().or(() -> {
                    install();
                    return find();
                })
                .orElseGet(() ->
                        skip("postgresql-doc is not installed and could not be installed (needs root and apt-get)"));
    }

    private static Optional<Path> find() {
        try (Stream<Path> docs = Files.list(DOC_ROOT)) {
            return docs.filter(dir -> dir.getFileName().toString().startsWith("postgresql-doc-"))
                    .map(dir -> dir.resolve("html"))
                    .filter(html -> Files.isRegularFile(html.resolve("index.html")))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void install() {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return;
        }
        // the package lists may be missing or stale on a fresh machine
        if (!run("apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql-doc")) {
            run("apt-get", "update", "-q");
            run("apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql-doc");
        }
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static <T> T skip(String why) {
        System.err.println("*** SKIPPED: tests on real documentation pages: " + why + " ***");
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }
}
