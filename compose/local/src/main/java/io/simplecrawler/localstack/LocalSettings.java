package io.simplecrawler.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Settings of the local stack ({@code make run}), each from an environment variable with a working
 * default. The service variables are handed to every service unchanged; the SSRF guard's
 * SIMPLECRAWLER_ALLOWED_NETWORKS and SIMPLECRAWLER_ALLOWED_PORTS default to {@value #LOOPBACK}
 * and {@value #UNPRIVILEGED_PORTS} here, so that the local stack can crawl sites on this machine.
 *
 * <p>With nginx installed, nginx answers on {@code HTTP_ADDRESS}:{@code HTTP_PORT} (127.0.0.1:8080)
 * and the gateway moves to {@code GATEWAY_PORT} (8088); without it, the gateway takes {@code
 * HTTP_PORT} itself. The services listen on {@code BIND_ADDRESS} (127.0.0.1), so that nginx, with
 * its rate limits and headers, is the only way in from other machines when HTTP_ADDRESS is opened.
 * {@code make monitor}'s Prometheus listens on 127.0.0.1:{@code PROMETHEUS_PORT} (9090) and scrapes
 * every {@code PROMETHEUS_SCRAPE_INTERVAL} (15s).
 */
record LocalSettings(
        Path repoRoot,
        Path runDir,
        String kafkaBootstrapServers,
        int kafkaControllerPort,
        String postgresUrl,
        String postgresUser,
        String postgresPassword,
        String redisUrl,
        Path resultsDir,
        String allowedNetworks,
        String allowedPorts,
        int fetchers,
        int renderers,
        String httpAddress,
        int httpPort,
        String bindAddress,
        Optional<Path> nginx,
        PortPlan ports,
        int prometheusPort,
        String prometheusScrapeInterval) {
    /** Where nginx and the services listen unless told otherwise: this machine only. */
    static final String LOOPBACK_ADDRESS = "127.0.0.1";
    /** The gateway's port behind nginx. */
    static final int GATEWAY_BEHIND_NGINX = 8088;
    /** The networks the SSRF guard allows for the local stack and the tests: sites on this machine. */
    public static final String LOOPBACK = "127.0.0.0/8";
    /** The ports it allows besides 80 and 443: where test sites and local servers listen. */
    public static final String UNPRIVILEGED_PORTS = "1024-65535";
    /** Where the gateway tells nginx to find a result file (nginx.conf's internal location). */
    static final String RESULTS_ACCEL_REDIRECT = "/_results/";

    static LocalSettings from(Path repoRoot, UnaryOperator<String> env) {
        Path runDir = Path.of(or(env, "RUN_DIR", repoRoot.resolve(".run").toString()))
                .toAbsolutePath()
                .normalize();
        int httpPort = Integer.parseInt(or(env, "HTTP_PORT", "8080"));
        Optional<Path> nginx = "1".equals(env.apply("NO_NGINX")) ? Optional.empty() : LocalNginx.find(env);
        int gatewayPort = nginx.isPresent() ? GATEWAY_BEHIND_NGINX : httpPort;
        return new LocalSettings(
                repoRoot,
                runDir,
                or(env, "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                Integer.parseInt(or(env, "KAFKA_CONTROLLER_PORT", "9093")),
                or(env, "POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/simplecrawler"),
                or(env, "POSTGRES_USER", "simplecrawler"),
                or(env, "POSTGRES_PASSWORD", "simplecrawler"),
                or(env, "REDIS_URL", "redis://127.0.0.1:6379"),
                Path.of(or(env, "RESULTS_DIR", runDir.resolve("results").toString()))
                        .toAbsolutePath()
                        .normalize(),
                // the SSRF guard lets the local stack crawl sites on this machine (set empty to deny them)
                orIfUnset(env, "SIMPLECRAWLER_ALLOWED_NETWORKS", LOOPBACK),
                orIfUnset(env, "SIMPLECRAWLER_ALLOWED_PORTS", UNPRIVILEGED_PORTS),
                Integer.parseInt(or(env, "FETCHERS", "2")),
                Integer.parseInt(or(env, "RENDERERS", "1")),
                or(env, "HTTP_ADDRESS", LOOPBACK_ADDRESS),
                httpPort,
                or(env, "BIND_ADDRESS", LOOPBACK_ADDRESS),
                nginx,
                PortPlan.fixed(
                        Integer.parseInt(or(env, "GATEWAY_PORT", Integer.toString(gatewayPort))),
                        Integer.parseInt(or(env, "FRONTIER_PORT", "8081")),
                        Integer.parseInt(or(env, "EXPORTER_PORT", "8082")),
                        Integer.parseInt(or(env, "ANALYTICS_PORT", "8083")),
                        Integer.parseInt(or(env, "FETCHER_PORT", "8090")),
                        Integer.parseInt(or(env, "RENDERER_PORT", "8110"))),
                // make monitor's Prometheus
                Integer.parseInt(or(env, "PROMETHEUS_PORT", "9090")),
                or(env, "PROMETHEUS_SCRAPE_INTERVAL", "15s"));
    }

    /** What every service gets (MICRONAUT_SERVER_PORT is added per process), its listen address included. */
    Map<String, String> serviceEnv() {
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "POSTGRES_URL", postgresUrl,
                "POSTGRES_USER", postgresUser,
                "POSTGRES_PASSWORD", postgresPassword,
                "REDIS_URL", redisUrl,
                "RESULTS_DIR", resultsDir.toString(),
                "SIMPLECRAWLER_ALLOWED_NETWORKS", allowedNetworks,
                "SIMPLECRAWLER_ALLOWED_PORTS", allowedPorts,
                "MICRONAUT_SERVER_HOST", bindAddress));
        // the gateway asks the analytics for statistics; its Streams stores live in the run folder
        env.put("ANALYTICS_URL", "http://127.0.0.1:" + ports.portFor(ServiceNames.ANALYTICS));
        env.put("ANALYTICS_STATE_DIR", runDir.resolve("analytics-state").toString());
        // behind nginx the gateway authorises downloads and nginx sends the file
        nginx.ifPresent(binary -> env.put("GATEWAY_RESULTS_ACCEL_REDIRECT", RESULTS_ACCEL_REDIRECT));
        return Map.copyOf(env);
    }

    /** host:port of the first bootstrap server. */
    URI kafkaAddress() {
        return URI.create("kafka://" + kafkaBootstrapServers.split(",")[0].trim());
    }

    /** host:port of the Postgres server. */
    URI postgresAddress() {
        return URI.create(postgresUrl.substring("jdbc:".length()));
    }

    /** The database named in POSTGRES_URL. */
    String postgresDatabase() {
        String path = postgresAddress().getPath();
        return path == null || path.length() < 2 ? postgresUser : path.substring(1);
    }

    URI redisAddress() {
        return URI.create(redisUrl);
    }

    private static String orIfUnset(UnaryOperator<String> env, String name, String fallback) {
        String value = env.apply(name);
        return value == null ? fallback : value;
    }

    private static String or(UnaryOperator<String> env, String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
