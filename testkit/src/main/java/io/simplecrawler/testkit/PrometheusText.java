package io.simplecrawler.testkit;

import java.util.Arrays;

/** Values read from a service's Prometheus text exposition, for a test that checks a metric after an action. */
public final class PrometheusText {
    private PrometheusText() {}

    /**
     * The sum of the series of metric {@code name} (e.g. {@code simplecrawler_dlq_records_total})
     * whose labels include every one of {@code labels} (e.g. {@code topic="crawl.pages"}).
     *
     * @throws AssertionError when no such series is exposed
     */
    public static double sum(String metrics, String name, String... labels) {
        double[] values = metrics.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .filter(line ->
                        Arrays.stream(labels).allMatch(label -> labelsOf(line).contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .toArray();
        if (values.length == 0) {
            throw new AssertionError("no series " + name + " " + Arrays.toString(labels) + " in:\n" + metrics);
        }
        return Arrays.stream(values).sum();
    }

    private static String labelsOf(String line) {
        int open = line.indexOf('{');
        return open < 0 ? "" : line.substring(open, line.lastIndexOf('}') + 1);
    }
}
