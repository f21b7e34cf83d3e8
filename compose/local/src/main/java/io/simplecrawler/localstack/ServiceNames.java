package io.simplecrawler.localstack;

import java.util.List;

/**
 * Process names of the pipeline: {@code gateway}, {@code frontier}, {@code exporter}, fetcher
 * replicas {@code fetcher-1}, {@code fetcher-2} ... and renderer replicas {@code renderer-1} ...;
 * each runs the jar of its module. The local stack also runs {@code analytics} and one renderer,
 * which the end-to-end tests start only where they need them.
 */
final class ServiceNames {
    static final List<String> SINGLETONS = List.of("gateway", "frontier", "exporter");
    static final String ANALYTICS = "analytics";
    static final String FETCHER = "fetcher";
    static final String RENDERER = "renderer";
    /** The services that run as numbered replicas, in start order. */
    static final List<String> REPLICATED = List.of(FETCHER, RENDERER);

    private ServiceNames() {}

    static String fetcher(int replica) {
        return replicaOf(FETCHER, replica);
    }

    static String renderer(int replica) {
        return replicaOf(RENDERER, replica);
    }

    /** {@code <module>-<replica>}, e.g. {@code renderer-2}. */
    static String replicaOf(String module, int replica) {
        return module + "-" + replica;
    }

    static boolean isRenderer(String name) {
        return isReplicaOf(RENDERER, name);
    }

    static boolean isReplicaOf(String module, String name) {
        return name.startsWith(module + "-");
    }

    static boolean isReplica(String name) {
        return REPLICATED.stream().anyMatch(module -> isReplicaOf(module, name));
    }

    /** The replica number of {@code fetcher-<n>} or {@code renderer-<n>}. */
    static int replica(String name) {
        return Integer.parseInt(name.substring(module(name).length() + 1));
    }

    /** The Maven module (and jar) a process runs. */
    static String module(String name) {
        if (SINGLETONS.contains(name) || ANALYTICS.equals(name)) {
            return name;
        }
        return REPLICATED.stream()
                .filter(module -> isReplicaOf(module, name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a pipeline process name: " + name));
    }
}
