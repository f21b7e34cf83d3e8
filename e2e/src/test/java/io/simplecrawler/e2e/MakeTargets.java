package io.simplecrawler.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Makefile's targets as an operator runs them ({@code make run}, {@code make scale-fetchers
 * N=3} ...), at the repository root, with the local stack's settings in the environment.
 */
final class MakeTargets {
    private final Path repoRoot;
    private final Map<String, String> env;

    MakeTargets(Path repoRoot, Map<String, String> env) {
        this.repoRoot = repoRoot;
        this.env = Map.copyOf(env);
    }

    /**
     * Runs {@code make -s <arguments>} and returns what it printed.
     *
     * @throws AssertionError if it fails or runs longer than {@code minutes}
     */
    String run(int minutes, String... arguments) {
        List<String> command = new ArrayList<>(List.of("make", "-s"));
        command.addAll(List.of(arguments));
        return program(minutes, command);
    }

    /**
     * Runs another program the way the targets run it (at the repository root, with the same
     * environment), e.g. {@code docker} or {@code compose/stack.sh}, and returns what it printed.
     *
     * @throws AssertionError if it fails or runs longer than {@code minutes}
     */
    String program(int minutes, List<String> command) {
        try {
            Path output = Files.createTempFile("make", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(repoRoot.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (!finished) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + minutes + " min:\n" + printed);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " failed (exit " + process.exitValue() + "):\n" + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
