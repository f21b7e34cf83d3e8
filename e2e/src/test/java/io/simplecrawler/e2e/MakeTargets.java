package io.simplecrawler.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** One of the stack's settings, e.g. {@code GATEWAY_PORT}. */
    String setting(String name) {
        return env.get(name);
    }

    /**
     * Runs {@code make -s <arguments>} and returns what it printed.
     *
     * @throws AssertionError if it fails or runs longer than {@code minutes}
     */
    String run(int minutes, String... arguments) {
        return runWithInput(minutes, "", arguments);
    }

    /** Runs {@code make -s <arguments>} with {@code input} on its standard input, e.g. SQL for {@code make psql}. */
    String runWithInput(int minutes, String input, String... arguments) {
        List<String> command = new ArrayList<>(List.of("make", "-s"));
        command.addAll(List.of(arguments));
        return checked(command, Programs.run(repoRoot, minutes, env, List.of(), input, command), minutes);
    }

    /**
     * Runs {@code make -s <target>}, a target that follows logs, until it has printed {@code expected}.
     *
     * @return what it printed
     */
    String follow(String target, String expected) {
        return Programs.follow(repoRoot, env, expected, List.of("make", "-s", target));
    }

    /**
     * Runs another program the way the targets run it (at the repository root, with the same
     * environment), e.g. {@code docker} or {@code compose/stack.sh}, and returns what it printed.
     *
     * @throws AssertionError if it fails or runs longer than {@code minutes}
     */
    String program(int minutes, List<String> command) {
        return checked(command, Programs.run(repoRoot, minutes, env, List.of(), command), minutes);
    }

    private static String checked(List<String> command, Programs.Run run, int minutes) {
        if (run.exit() == -1) {
            throw new AssertionError(command + " did not finish within " + minutes + " min:\n" + run.output());
        }
        if (!run.succeeded()) {
            throw new AssertionError(command + " failed (exit " + run.exit() + "):\n" + run.output());
        }
        return run.output();
    }
}
