package io.simplecrawler.localstack;

import java.util.List;

/**
 * Process names of the pipeline: {@code gateway}, {@code frontier}, {@code exporter} and fetcher
 * replicas {@code fetcher-1}, {@code fetcher-2} ...; each runs the jar of its module. The local
 * stack also runs {@code analytics}, which the end-to-end tests leave out (they crawl; nothing in
 * the crawl waits for it).
 */
final class ServiceNames {
    static final List<String> SINGLETONS = List.of("gateway", "frontier", "exporter");
    static final String ANALYTICS = "analytics";
    static final String FETCHER = "fetcher";

    private ServiceNames() {}

    static String fetcher(int replica) {
        return FETCHER + "-" + replica;
    }

    static boolean isFetcher(String name) {
        return name.startsWith(FETCHER + "-");
    }

    /** The replica number of {@code fetcher-<n>}. */
    static int replica(String name) {
        if (!isFetcher(name)) {
            throw new IllegalArgumentException("not a pipeline process name: " + name);
        }
        return Integer.parseInt(name.substring(FETCHER.length() + 1));
    }

    /** The Maven module (and jar) a process runs. */
    static String module(String name) {
        if (SINGLETONS.contains(name) || ANALYTICS.equals(name)) {
            return name;
        }
        replica(name);
        return FETCHER;
    }
}
