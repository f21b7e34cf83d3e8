package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Programs the e2e tests run (make, node, npm), and skipping a test loudly when one is missing. */
final class Programs {
    private Programs() {}

    /** What a program printed (stdout and stderr) and its exit code, -1 when it ran out of time. */
    record Run(int exit, String output) {
        boolean succeeded() {
            return exit == 0;
        }
    }

    /**
     * Runs {@code command} in {@code directory} with no input and {@code env} added to this JVM's
     * environment, less the variables named in {@code unset}; stops it after {@code minutes}.
     */
    static Run run(Path directory, int minutes, Map<String, String> env, List<String> unset, List<String> command) {
        try {
            Path output = Files.createTempFile("program", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().keySet().removeAll(unset);
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return finished
                    ? new Run(process.exitValue(), printed)
                    : new Run(-1, printed + "\n(stopped after " + minutes + " min)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The program's path on the PATH (or in /usr/bin, /usr/sbin). */
    static Optional<Path> which(String program) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/sbin").split(":")) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }

    /** Skips the calling test unless {@code condition}, saying so on stderr where a test report shows it. */
    static void skipLoudlyUnless(boolean condition, String test, String why) {
        if (!condition) {
            System.err.println("!!! " + test + " SKIPPED: " + why + " !!!");
        }
        assumeTrue(condition, why);
    }
}
