package io.simplecrawler.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Where a program the stack runs (nginx, prometheus) is installed. */
final class ProgramPath {
    private ProgramPath() {}

    /**
     * The program: the environment variable {@code variable} if set, else {@code name} on the PATH,
     * else in Debian's {@code /usr/sbin} and {@code /usr/bin} (not all on a normal user's PATH).
     */
    static Optional<Path> find(UnaryOperator<String> env, String variable, String name) {
        String configured = env.apply(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(env.apply("PATH")).orElse("");
        return Stream.concat(
                        Stream.of(path.split(":")).filter(dir -> !dir.isBlank()), Stream.of("/usr/sbin", "/usr/bin"))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
