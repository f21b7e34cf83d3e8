package io.simplecrawler.localstack;

/** Chooses the HTTP port of each service process by its name. */
@FunctionalInterface
public interface PortPlan {
    int portFor(String processName);

    /** A free ephemeral port for every process, for tests. */
    static PortPlan free() {
        return name -> FreePorts.next();
    }

    /**
     * The local stack's fixed ports: gateway 8080, frontier 8081, exporter 8082, analytics 8083,
     * fetcher-i 8089+i (room for the 12 partitions of crawl.fetch), renderer-i 8109+i.
     */
    static PortPlan local() {
        return fixed(8080, 8081, 8082, 8083, 8090, 8110);
    }

    /** Fixed ports; {@code fetcher-i} gets {@code firstFetcher + i - 1}, {@code renderer-i} {@code firstRenderer + i - 1}. */
    static PortPlan fixed(int gateway, int frontier, int exporter, int analytics, int firstFetcher, int firstRenderer) {
        return name -> switch (name) {
            case "gateway" -> gateway;
            case "frontier" -> frontier;
            case "exporter" -> exporter;
            case "analytics" -> analytics;
            default -> (ServiceNames.isRenderer(name) ? firstRenderer : firstFetcher) + ServiceNames.replica(name) - 1;
        };
    }
}
