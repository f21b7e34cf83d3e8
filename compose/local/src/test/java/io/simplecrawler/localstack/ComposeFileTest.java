package io.simplecrawler.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * compose/docker-compose.yml and the Dockerfiles of compose/images, checked without a Docker engine:
 * the structure the production topology needs, and {@code docker-compose config} (the Compose
 * schema) where a docker-compose program is installed. Nothing here builds or starts a container.
 */
class ComposeFileTest {
    private static final Path REPO = PipelineProcesses.repoRoot();
    private static final Path COMPOSE_FILE = REPO.resolve("compose/docker-compose.yml");
    private static final Set<String> APPS =
            Set.of("gateway", "frontier", "fetcher", "renderer", "exporter", "analytics");
    private static final Set<String> STORES_AND_NGINX = Set.of("kafka", "postgres", "redis", "nginx");
    private static final String SERVICE_DOCKERFILE = "compose/images/Dockerfile";
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+):\\?");

    private final Map<String, Object> compose = load();
    private final Map<String, Map<String, Object>> services = map(compose.get("services"));

    @Test
    void theServicesAreTheStoresNginxAndTheSixApplicationsAndPrometheusOnlyInTheMonitoringProfile() {
        assertEquals(
                Set.of(
                        "kafka",
                        "postgres",
                        "redis",
                        "nginx",
                        "gateway",
                        "frontier",
                        "fetcher",
                        "renderer",
                        "exporter",
                        "analytics",
                        "prometheus"),
                services.keySet());
        services.forEach((name, service) -> assertEquals(
                name.equals("prometheus") ? List.of("monitoring") : List.of(),
                list(service.getOrDefault("profiles", List.of())),
                name + "'s profiles"));
        assertEquals(
                "compose/images/prometheus/Dockerfile",
                map(services.get("prometheus").get("build")).get("dockerfile"));
        services.forEach((name, service) -> assertTrue(
                string(service.get("image")).startsWith("simplecrawler/" + name + ":"),
                name + " runs the image make images builds"));
        assertTrue(
                map(services.get("kafka").get("environment"))
                        .get("KAFKA_PROCESS_ROLES")
                        .toString()
                        .contains("controller"),
                "KRaft");
        assertTrue(list(services.get("redis").get("command")).containsAll(List.of("--appendonly", "yes")), "AOF on");
        assertTrue(
                list(services.get("redis").get("command")).containsAll(List.of("--maxmemory-policy", "noeviction")),
                "crawl state is never evicted silently");
        APPS.forEach(app -> {
            Map<String, Object> build = map(services.get(app).get("build"));
            assertEquals(SERVICE_DOCKERFILE, build.get("dockerfile"), app);
            assertEquals(
                    app.equals("renderer") ? Map.of("SERVICE", app, "PACKAGES", "chromium") : Map.of("SERVICE", app),
                    build.get("args"),
                    app);
        });
        STORES_AND_NGINX.forEach(name -> assertEquals(
                "compose/images/" + name + "/Dockerfile",
                map(services.get(name).get("build")).get("dockerfile")));
    }

    @Test
    void onlyNginxIsReachableFromOutsideAndPrometheusFromThisMachine() {
        assertEquals(
                List.of("127.0.0.1:${PROMETHEUS_PORT:-9090}:9090"),
                list(services.get("prometheus").get("ports")),
                "Prometheus's UI on loopback only");
        services.forEach((name, service) -> {
            if (!name.equals("nginx") && !name.equals("prometheus")) {
                assertFalse(service.containsKey("ports"), name + " publishes no port");
                assertFalse(list(service.get("networks")).contains("edge"), name + " is not on the edge network");
            }
        });
        assertEquals(
                List.of("${HTTP_PORT:-8080}:8080", "${HTTPS_PORT:-8443}:8443"),
                list(services.get("nginx").get("ports")));
        Map<String, Map<String, Object>> networks = map(compose.get("networks"));
        assertEquals(true, networks.get("backend").get("internal"), "the backend network has no way out");
        assertEquals(
                List.of("backend", "egress"), list(services.get("fetcher").get("networks")), "fetchers crawl the web");
        assertEquals(
                List.of("backend", "egress"),
                list(services.get("renderer").get("networks")),
                "renderers' browsers load the web");
    }

    @Test
    void gatewayRunsTwiceAndFetchersScaleFreely() throws IOException {
        assertEquals("${GATEWAY_REPLICAS:-2}", deploy("gateway").get("replicas"));
        assertTrue(read("compose/.env.example").contains("\nGATEWAY_REPLICAS=2\n"));
        Map<String, Object> fetcher = services.get("fetcher");
        assertFalse(fetcher.containsKey("container_name"), "a fixed name would forbid --scale");
        assertFalse(fetcher.containsKey("ports"));
        Map<String, Object> renderer = services.get("renderer");
        assertFalse(renderer.containsKey("container_name"), "make scale-renderers uses --scale");
        assertEquals("${RENDERER_REPLICAS:-1}", deploy("renderer").get("replicas"));
        assertTrue(read("compose/.env.example").contains("\nRENDERER_REPLICAS=1\n"));
        assertTrue(
                string(map(renderer.get("environment")).get("JDK_JAVA_OPTIONS")).contains("-Xmx"),
                "a fixed heap leaves the rest of the limit to Chromium");
    }

    @Test
    void everyServiceIsHealthCheckedRestartedAndMemoryLimited() throws IOException {
        for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = entry.getValue();
            boolean checked = service.containsKey("healthcheck")
                    || (APPS.contains(name) && read(SERVICE_DOCKERFILE).contains("\nHEALTHCHECK "));
            assertTrue(checked, name + " has a health check");
            assertEquals("unless-stopped", service.get("restart"), name);
            assertTrue(map(deploy(name).get("resources")).containsKey("limits"), name + " has a memory limit");
            assertTrue(
                    map(map(deploy(name).get("resources")).get("limits")).containsKey("memory"),
                    name + " has a memory limit");
            Map<String, Map<String, Object>> dependsOn = map(service.getOrDefault("depends_on", Map.of()));
            dependsOn.forEach((dependency, condition) ->
                    assertEquals("service_healthy", condition.get("condition"), name + " waits for " + dependency));
        }
        assertEquals(
                Set.of("kafka", "postgres", "redis"),
                map(services.get("gateway").get("depends_on")).keySet());
        assertEquals(
                Set.of("gateway"), map(services.get("nginx").get("depends_on")).keySet());
    }

    @Test
    void storesKeepTheirDataAndResultFilesAreSharedByExporterGatewayAndNginx() {
        assertEquals(
                Set.of("kafka-data", "postgres-data", "redis-data", "results", "nginx-tls", "prometheus-data"),
                map(compose.get("volumes")).keySet());
        assertTrue(list(services.get("kafka").get("volumes")).contains("kafka-data:/var/lib/kafka/data"));
        assertTrue(list(services.get("postgres").get("volumes")).contains("postgres-data:/var/lib/postgresql/data"));
        assertTrue(list(services.get("redis").get("volumes")).contains("redis-data:/data"));
        assertTrue(list(services.get("exporter").get("volumes")).contains("results:/data/results"));
        assertTrue(list(services.get("gateway").get("volumes")).contains("results:/data/results"));
        assertTrue(
                list(services.get("renderer").get("volumes")).contains("results:/data/results"),
                "screenshots go into the job's folder");
        assertTrue(list(services.get("nginx").get("volumes")).contains("results:/data/results:ro"));
        assertEquals(
                "/_results/", map(services.get("gateway").get("environment")).get("GATEWAY_RESULTS_ACCEL_REDIRECT"));
    }

    @Test
    void nginxRendersTheRepositoryNginxConfAndTlsConfWithEveryPlaceholderSet() throws IOException {
        Map<String, Object> nginx = services.get("nginx");
        assertTrue(list(nginx.get("volumes"))
                .containsAll(List.of(
                        "../nginx/nginx.conf:/etc/nginx/templates/nginx.conf.template:ro",
                        "../nginx/tls.conf:/etc/nginx/templates/tls.conf.template:ro",
                        "${NGINX_TLS_CERTS:-nginx-tls}:/etc/nginx/tls")));
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher =
                Pattern.compile("\\$\\{([A-Z_]+)}").matcher(read("nginx/nginx.conf") + read("nginx/tls.conf"));
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        Set<String> environment = new TreeSet<>(map(nginx.get("environment")).keySet());
        // the entrypoint's own settings: whether to serve HTTPS, the self-signed certificate's name
        environment.removeAll(Set.of("NGINX_TLS", "NGINX_TLS_NAME"));
        assertEquals(placeholders, environment);
    }

    @Test
    void theExampleEnvironmentSetsEveryRequiredVariable() throws IOException {
        String example = Files.readString(REPO.resolve("compose/.env.example"));
        Matcher required = REQUIRED_VARIABLE.matcher(Files.readString(COMPOSE_FILE));
        while (required.find()) {
            assertTrue(example.contains("\n" + required.group(1) + "="), ".env.example sets " + required.group(1));
        }
    }

    @Test
    void oneDockerfileBuildsEveryServiceFromItsHostBuiltJarOnDebiansJava() throws IOException {
        String dockerfile = read(SERVICE_DOCKERFILE);
        assertEquals(
                List.of("FROM debian:bookworm-slim AS jre", "FROM jre AS runtime", "FROM runtime"),
                dockerfile.lines().filter(line -> line.startsWith("FROM ")).toList(),
                "the JRE and runtime stages on the base make images builds without a registry (compose/stack.sh"
                        + " warm builds them ahead), then the service on them");
        assertTrue(dockerfile.contains("openjdk-17-jre-headless"));
        assertTrue(dockerfile.contains("\nARG SERVICE\n"));
        assertTrue(dockerfile.contains("\nARG PACKAGES=\"\"\n"), "extra Debian packages, e.g. the renderer's chromium");
        assertTrue(dockerfile.contains("\nCOPY ${SERVICE}/target/${SERVICE}-${VERSION}.jar /app/app.jar\n"));
        assertTrue(dockerfile.contains("\nUSER crawler\n"));
        assertTrue(dockerfile.contains("-XX:MaxRAMPercentage="));
        assertTrue(dockerfile.contains("/health"));
        assertTrue(dockerfile.contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "compose/images/Dockerfile",
                "compose/images/kafka/Dockerfile",
                "compose/images/postgres/Dockerfile",
                "compose/images/redis/Dockerfile",
                "compose/images/nginx/Dockerfile",
                "compose/images/prometheus/Dockerfile"
            })
    void everyImageBuildsWithoutARegistryAndRunsAsNonRootWithAHealthCheck(String path) throws IOException {
        String dockerfile = read(path);
        assertFalse(dockerfile.startsWith("# syntax="), "a syntax line pulls BuildKit's frontend from a registry");
        assertFalse(dockerfile.contains("--mount="), "docker-compose 1.29's builder has no RUN --mount");
        List<String> stages = new ArrayList<>();
        dockerfile.lines().filter(line -> line.startsWith("FROM ")).forEach(from -> {
            String[] words = from.split(" ");
            assertTrue(
                    words[1].equals("debian:bookworm-slim") || stages.contains(words[1]),
                    path + ": " + from + " starts from the Debian base or an earlier stage");
            if (words.length == 4 && words[2].equals("AS")) {
                stages.add(words[3]);
            }
        });
        List<String> users =
                dockerfile.lines().filter(line -> line.startsWith("USER ")).toList();
        assertFalse(users.isEmpty(), path + " names a user");
        assertFalse(users.get(users.size() - 1).matches("USER (root|0)"), path + " runs as non-root");
        assertTrue(dockerfile.contains("\nHEALTHCHECK "), path + " has a health check");
        // .dockerignore keeps everything out of the build context but its "!path" lines
        List<String> context = read(".dockerignore")
                .lines()
                .filter(line -> line.startsWith("!"))
                .map(line -> line.substring(1))
                .toList();
        dockerfile
                .lines()
                .filter(line -> line.startsWith("COPY ") && !line.contains("${SERVICE}"))
                .map(line -> line.split(" ")[1])
                .forEach(source -> {
                    assertTrue(
                            context.stream().anyMatch(source::startsWith),
                            ".dockerignore lets " + source + " into the build context");
                    if (!source.startsWith("compose/local/target/")) {
                        assertTrue(Files.exists(REPO.resolve(source)), "COPY " + source + " exists");
                    }
                });
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Optional<List<String>> compose = dockerCompose();
        if (compose.isEmpty()) {
            System.err.println("!!! ComposeFileTest: no docker-compose here; the Compose schema check is SKIPPED !!!");
        }
        assumeTrue(compose.isPresent(), "neither docker compose nor docker-compose is installed");
        Path env = Files.createTempFile("compose", ".env");
        try {
            Files.copy(REPO.resolve("compose/.env.example"), env, StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(compose.get());
            command.addAll(List.of("--env-file", env.toString(), "-f", COMPOSE_FILE.toString(), "config", "-q"));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "docker-compose config finished");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
        } finally {
            Files.deleteIfExists(env);
        }
    }

    private static Optional<List<String>> dockerCompose() throws InterruptedException {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                Process process =
                        new ProcessBuilder(version).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // not installed
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> deploy(String service) {
        Object deploy = services.get(service).get("deploy");
        assertNotEquals(null, deploy, service + " has a deploy section");
        return map(deploy);
    }

    private static String read(String path) throws IOException {
        return Files.readString(REPO.resolve(path));
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(COMPOSE_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        return (Map<String, V>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static String string(Object value) {
        return (String) value;
    }
}
