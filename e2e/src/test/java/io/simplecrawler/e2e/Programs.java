package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        return run(directory, minutes, env, unset, "", command);
    }

    /** As {@link #run(Path, int, Map, List, List)}, with {@code input} on its standard input. */
    static Run run(
            Path directory,
            int minutes,
            Map<String, String> env,
            List<String> unset,
            String input,
            List<String> command) {
        try {
            Path in = Files.writeString(Files.createTempFile("program", ".in"), input, StandardCharsets.UTF_8);
            Path output = Files.createTempFile("program", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(in.toFile());
            builder.environment().keySet().removeAll(unset);
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
            if (!finished) {
                stop(process);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            Files.delete(in);
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

    /**
     * Starts {@code command}, a program that follows something and never ends by itself (e.g. {@code
     * make api-logs}), waits until it has printed {@code expected}, then stops it and what it started.
     *
     * @return what it printed
     * @throws org.awaitility.core.ConditionTimeoutException if {@code expected} does not come within a minute
     */
    static String follow(Path directory, Map<String, String> env, String expected, List<String> command) {
        try {
            Path output = Files.createTempFile("program", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            try {
                return await().atMost(Duration.ofMinutes(1))
                        .until(
                                () -> Files.readString(output, StandardCharsets.UTF_8),
                                printed -> printed.contains(expected));
            } finally {
                stop(process);
                Files.delete(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops {@code process} and every process it started (make's children: docker-compose, tail). */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
