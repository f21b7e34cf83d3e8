package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code promtool check metrics} (Debian's prometheus package) on a service's raw /prometheus
 * text: the format must parse, and every metric of ours ({@code simplecrawler_*}) must pass the
 * lint. The meters we keep as they come (the Kafka clients', Micronaut's executor and HTTP server
 * timers, Micrometer's process and system meters) break three of its naming rules, which are
 * listed and tolerated for them only; any other problem fails.
 */
final class PromtoolLint {
    static final List<String> TOLERATED_FOR_BUILT_INS = List.of(
            "no help text",
            "metric names should not contain abbreviated units",
            "non-histogram and non-summary metrics should not have \"_count\" suffix");

    private PromtoolLint() {}

    /** Fails naming every problem promtool reports that is not a built-in meter's tolerated one. */
    static void assertPasses(String service, String metrics) {
        assertTrue(metrics.contains("# TYPE "), service + " answered no metrics: " + metrics);
        List<String> problems = problems(metrics);
        List<String> ours = problems.stream()
                .filter(line -> line.startsWith("simplecrawler_") || !tolerated(line))
                .toList();
        assertEquals(List.of(), ours, service + ": promtool check metrics");
        if (!problems.isEmpty()) {
            System.out.println(service + ": promtool's lint on built-in meters (tolerated): " + problems.size()
                    + " problems, e.g. " + problems.get(0));
        }
    }

    private static boolean tolerated(String problem) {
        return TOLERATED_FOR_BUILT_INS.stream().anyMatch(problem::endsWith);
    }

    /** promtool's lines, one per problem ("name problem"); an unreadable text is one line naming the error. */
    private static List<String> problems(String metrics) {
        try {
            Path input = Files.createTempFile("metrics", ".txt");
            Path output = Files.createTempFile("promtool", ".out");
            try {
                Files.writeString(input, metrics, StandardCharsets.UTF_8);
                Process promtool = new ProcessBuilder("promtool", "check", "metrics")
                        .redirectInput(input.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                assertTrue(promtool.waitFor(1, TimeUnit.MINUTES), "promtool check metrics did not finish");
                return Files.readAllLines(output).stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
            } finally {
                Files.delete(input);
                Files.delete(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
