package io.simplecrawler.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {
    private static final Path REPO = Path.of("/repo");

    @Test
    void defaultsWorkOnAFreshMachineWithoutNginx() {
        LocalSettings settings = LocalSettings.from(REPO, Map.of("NO_NGINX", "1")::get);
        assertEquals(Path.of("/repo/.run"), settings.runDir());
        assertEquals(
                Map.ofEntries(
                        Map.entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                        Map.entry("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/simplecrawler"),
                        Map.entry("POSTGRES_USER", "simplecrawler"),
                        Map.entry("POSTGRES_PASSWORD", "simplecrawler"),
                        Map.entry("REDIS_URL", "redis://127.0.0.1:6379"),
                        Map.entry("RESULTS_DIR", "/repo/.run/results"),
                        Map.entry("SIMPLECRAWLER_ALLOWED_NETWORKS", "127.0.0.0/8"),
                        Map.entry("SIMPLECRAWLER_ALLOWED_PORTS", "1024-65535"),
                        Map.entry("MICRONAUT_SERVER_HOST", "127.0.0.1"),
                        Map.entry("ANALYTICS_URL", "http://127.0.0.1:8083"),
                        Map.entry("ANALYTICS_STATE_DIR", "/repo/.run/analytics-state")),
                settings.serviceEnv());
        assertEquals("127.0.0.1", settings.httpAddress(), "nginx serves this machine only unless told");
        assertEquals(2, settings.fetchers());
        assertEquals(8080, settings.ports().portFor("gateway"));
        assertEquals(8081, settings.ports().portFor("frontier"));
        assertEquals(8082, settings.ports().portFor("exporter"));
        assertEquals(8083, settings.ports().portFor("analytics"));
        assertEquals(8091, settings.ports().portFor("fetcher-2"));
        assertEquals(1, settings.renderers());
        assertEquals(8110, settings.ports().portFor("renderer-1"));
        assertEquals(8111, settings.ports().portFor("renderer-2"));
        assertEquals("simplecrawler", settings.postgresDatabase());
        assertEquals(5432, settings.postgresAddress().getPort());
        assertEquals(9092, settings.kafkaAddress().getPort());
    }

    @Test
    void withNginxTheGatewayMovesBehindItAndHandsDownloadsToIt() {
        LocalSettings settings = LocalSettings.from(REPO, Map.of("NGINX_BIN", "/bin/true")::get);
        assertEquals(Path.of("/bin/true"), settings.nginx().orElseThrow());
        assertEquals(8080, settings.httpPort());
        assertEquals(8088, settings.ports().portFor("gateway"));
        assertEquals("/_results/", settings.serviceEnv().get("GATEWAY_RESULTS_ACCEL_REDIRECT"));
    }

    @Test
    void environmentOverridesAndIsPassedOn() {
        Map<String, String> env = Map.of(
                "RUN_DIR", "/tmp/run",
                "POSTGRES_URL", "jdbc:postgresql://127.0.0.1:15432/crawls?sslmode=disable",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092,127.0.0.1:19094",
                "FETCHERS", "3",
                "RENDERERS", "2",
                "RENDERER_PORT", "9200",
                "HTTP_PORT", "9080",
                "HTTP_ADDRESS", "0.0.0.0",
                "BIND_ADDRESS", "10.0.0.5",
                "GATEWAY_PORT", "9000");
        LocalSettings settings = LocalSettings.from(REPO, env::get);
        assertEquals("/tmp/run/results", settings.serviceEnv().get("RESULTS_DIR"));
        assertEquals("127.0.0.1:19092,127.0.0.1:19094", settings.serviceEnv().get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("crawls", settings.postgresDatabase());
        assertEquals(15432, settings.postgresAddress().getPort());
        assertEquals(19092, settings.kafkaAddress().getPort());
        assertEquals(3, settings.fetchers());
        assertEquals(2, settings.renderers());
        assertEquals(9201, settings.ports().portFor("renderer-2"));
        assertEquals(9000, settings.ports().portFor("gateway"));
        assertEquals(9080, settings.httpPort());
        assertEquals("0.0.0.0", settings.httpAddress());
        assertEquals("10.0.0.5", settings.serviceEnv().get("MICRONAUT_SERVER_HOST"));
    }
}
