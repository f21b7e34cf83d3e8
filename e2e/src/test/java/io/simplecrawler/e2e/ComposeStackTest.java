package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.localstack.FreePorts;
import io.simplecrawler.localstack.PipelineProcesses;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The compose stack as an operator runs it: {@code make up} on settings it generates itself
 * (images built here, no registry), used through nginx only (HTTP redirected to HTTPS, the
 * self-signed certificate made at first start), crawling {@link ComposeTestSite} on the compose
 * network; scaled, its containers killed mid-crawl, taken down and up again, and operated with the
 * Makefile's targets. One stack for the whole class, under a project name of its own; removed with
 * its volumes at the end. Skipped, loudly, where no Docker engine answers ({@code make test}
 * starts one when it runs as root and Debian's docker.io is installed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// beside the other classes (junit-platform.properties); its methods in order, one at a time, each SAME_THREAD
@Execution(ExecutionMode.CONCURRENT)
class ComposeStackTest {
    private static final String PROJECT = "simplecrawler-composetest";
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(5);

    private final Map<String, String> env = new HashMap<>();
    private final List<UUID> jobs = new ArrayList<>();
    private Path work;
    private MakeTargets make;
    private int httpPort;
    private int httpsPort;
    private int prometheusPort;
    private HttpClient tls;
    private CrawlApi api;

    @BeforeAll
    void makeUpBuildsTheImagesAndStartsAHealthyStack() throws Exception {
        boolean engine = engineAnswers();
        if (!engine) {
            System.err.println("!!! ComposeStackTest SKIPPED: no Docker engine answers here (make test starts one as "
                    + "root when Debian's docker.io is installed) !!!");
        }
        assumeTrue(engine, "no Docker engine answers");
        work = Files.createTempDirectory(
                "compose-stack", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        httpPort = FreePorts.next();
        httpsPort = FreePorts.next();
        env.put("STACK", "compose");
        env.put("COMPOSE_PROJECT", PROJECT);
        env.put("STACK_ENV", work.resolve("compose.env").toString());
        env.put("STACK_OVERRIDE", ComposeTestSite.write(work.resolve("site")).toString());
        env.put("STACK_TIMEOUT", "600");
        env.put("BACKUP_DIR", work.resolve("backups").toString());
        // four service JVMs at start instead of six: they start at once on two cores (scaling adds two fetchers)
        env.put("GATEWAY_REPLICAS", "1");
        env.put("FETCHER_REPLICAS", "1");
        env.put("HTTP_PORT", Integer.toString(httpPort));
        env.put("HTTPS_PORT", Integer.toString(httpsPort));
        prometheusPort = FreePorts.next();
        env.put("PROMETHEUS_PORT", Integer.toString(prometheusPort));
        // the SSRF guard lets the fetchers reach the test site only: not the rest of its subnet
        env.put("SIMPLECRAWLER_ALLOWED_NETWORKS", ComposeTestSite.ADDRESS + "/32");
        env.put("SIMPLECRAWLER_ALLOWED_PORTS", Integer.toString(ComposeTestSite.PORT));
        make = new MakeTargets(PipelineProcesses.repoRoot(), env);

        long started = System.nanoTime();
        String up = make.run(25, "up");
        System.out.println("ComposeStackTest: make up (images and start) took "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s; "
                + up.lines().filter(line -> line.startsWith("Stack healthy")).collect(Collectors.joining()));

        assertTrue(up.contains("SimpleCrawler API: http://127.0.0.1:" + httpPort), up);
        String settings = Files.readString(work.resolve("compose.env"));
        assertTrue(settings.matches("(?s).*\nPOSTGRES_PASSWORD=[A-Za-z0-9]{40}\n.*"), "a random password");
        tls = trustingTheStacksCertificate();
        api = new CrawlApi("https://127.0.0.1:" + httpsPort, tls, Map.of());
    }

    @AfterAll
    void removeTheStackAndItsVolumes() {
        if (make != null) {
            make.program(5, List.of("compose/stack.sh", "compose", "down", "-v", "--remove-orphans"));
        }
    }

    @Test
    @Order(1)
    @Execution(ExecutionMode.SAME_THREAD)
    void httpRedirectsToHttpsWhichSpeaksOnlyTls12And13WithHstsAndAJobSubmittedOverHttpCompletes() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> redirect = plain.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/jobs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(308, redirect.statusCode());
        assertEquals(
                "https://127.0.0.1:" + httpsPort + "/jobs",
                redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(redirect.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over HTTP");
        HttpResponse<String> health = api.get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.headers()
                .firstValue("Strict-Transport-Security")
                .orElseThrow()
                .startsWith("max-age="));
        String https = "https://127.0.0.1:" + httpsPort + "/health";
        assertThrows(
                AssertionError.class,
                () -> make.program(1, List.of("curl", "-sSk", "--tls-max", "1.1", "-o", "/dev/null", https)),
                "TLS 1.1 is refused");
        make.program(1, List.of("curl", "-sSk", "--tlsv1.3", "-o", "/dev/null", https));

        // a client that follows the redirect: 308 keeps the POST and its body
        CrawlApi overHttp = new CrawlApi(
                "http://127.0.0.1:" + httpPort,
                HttpClient.newBuilder()
                        .sslContext(tls.sslContext())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build(),
                Map.of());
        UUID id = overHttp.submit(Map.of("url", ComposeTestSite.url(ComposeTestSite.host(2), "/"), "maxDepth", 1));
        Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);
        jobs.add(id);
        assertEquals("completed", job.get("status"), job.toString());
        assertEquals(ComposeTestSite.pagesPerHost(), job.get("pagesCrawled"), job.toString());
        assertTrue(api.results(id).body().contains("h02.test page 3"));
    }

    @Test
    @Order(2)
    @Execution(ExecutionMode.SAME_THREAD)
    void threeFetchersTakePartitionsAndACrawlOfEveryHostUsesAllThree() {
        make.run(5, "scale-fetchers", "N=3");

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> fetchConsumers(make.run(2, "lag")).size() == 3);
        UUID id = submitEveryHost(0);
        assertEquals("completed", api.awaitFinished(id, JOB_DEADLINE).get("status"));
        audit(Map.of(id, ComposeTestSite.HOSTS * ComposeTestSite.pagesPerHost()));

        Set<String> fetchers =
                containers("fetcher").stream().map(this::egressAddress).collect(Collectors.toSet());
        assertEquals(3, fetchers.size());
        Set<String> clients = ComposeTestSite.clients(logsOf("testsite"));
        assertTrue(clients.containsAll(fetchers), "every fetcher " + fetchers + " fetched; the site saw " + clients);
    }

    @Test
    @Order(3)
    @Execution(ExecutionMode.SAME_THREAD)
    void killingAFetcherTheFrontierAndTheExporterMidCrawlLosesAndRepeatsNoPage() {
        List<UUID> crawling = new ArrayList<>();
        for (String service : List.of("fetcher", "frontier", "exporter")) {
            // a job of its own for each kill, slow enough (a second between a host's pages) to be mid-crawl
            UUID id = submitEveryHost(1_000);
            crawling.add(id);
            await().atMost(JOB_DEADLINE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> api.job(id), job -> ((Number) job.get("pagesCrawled")).intValue() > 0);
            assertFalse(CrawlApi.FINISHED.contains((String) api.job(id).get("status")), "killed mid-crawl");
            String container = containers(service).get(0);
            docker("kill", container);
            // as an orchestrator would: the crash, then the same container again
            docker("start", container);
        }
        Map<UUID, Integer> expected = new HashMap<>();
        for (UUID id : crawling) {
            Map<String, Object> job = api.awaitFinished(id, JOB_DEADLINE);
            assertEquals("completed", job.get("status"), job.toString());
            expected.put(id, ComposeTestSite.HOSTS * ComposeTestSite.pagesPerHost());
        }
        audit(expected);
    }

    @Test
    @Order(4)
    @Execution(ExecutionMode.SAME_THREAD)
    void theSsrfGuardRefusesTheStoresAndTheDockerHostInsideTheComposeNetwork() {
        // the Docker host, as the containers on the egress network reach it
        String gatewayAddress = egressNetwork(containers("fetcher").get(0), "Gateway");
        for (String url :
                List.of("http://postgres:5432/", "http://redis:6379/", "http://" + gatewayAddress + ":8080/")) {
            HttpResponse<String> refused = api.post("/crawl", Map.of("url", url));
            assertEquals(400, refused.statusCode(), url + ": " + refused.body());
            assertTrue(refused.body().contains("\"field\":\"url\""), refused.body());
        }
    }

    @Test
    @Order(5)
    @Execution(ExecutionMode.SAME_THREAD)
    void downThenUpKeepsJobsResultsAndApiKeysAndABackupRestores() throws Exception {
        String key = make.run(3, "api-key", "NAME=compose-test", "ADMIN=1")
                .lines()
                .filter(line -> line.startsWith("sc_"))
                .findFirst()
                .orElseThrow();
        String backup = make.run(3, "backup");
        make.run(5, "down");
        String quickStart = make.run(15, "quick-start");
        assertTrue(quickStart.contains("SimpleCrawler API: http://127.0.0.1:" + httpPort), quickStart);
        assertTrue(quickStart.contains("Try (-L"), quickStart);

        CrawlApi withKey =
                new CrawlApi("https://127.0.0.1:" + httpsPort, tls, Map.of("Authorization", "Bearer " + key));
        assertEquals(401, api.get("/jobs").statusCode(), "the key made before down is in force");
        Map<String, Object> listed =
                CrawlApi.json(withKey.get("/jobs?limit=100").body());
        @SuppressWarnings("unchecked")
        Set<String> ids = ((List<Map<String, Object>>) listed.get("items"))
                .stream().map(job -> (String) job.get("id")).collect(Collectors.toSet());
        assertTrue(ids.containsAll(jobs.stream().map(UUID::toString).toList()), ids.toString());
        UUID first = jobs.get(0);
        String markdown = withKey.results(first).body();
        assertTrue(markdown.contains("h02.test page 3"));

        assertEquals(204, withKey.delete("/jobs/" + first).statusCode());
        make.run(3, "restore", "FILE=" + archive(backup));
        assertEquals(markdown, withKey.results(first).body());

        for (String target : List.of("status", "health", "logs", "topics")) {
            make.run(3, target);
        }
        // the stack has keys from here on: the later tests present the admin key
        api = withKey;
    }

    @Test
    @Order(6)
    @Execution(ExecutionMode.SAME_THREAD)
    void theLogFollowingAndInteractiveTargetsReachTheirContainers() {
        make.follow("api-logs", "Startup completed");
        make.follow("frontier-logs", "Startup completed");
        make.follow("exporter-logs", "Startup completed");
        make.follow("fetcher-logs", "Startup completed");
        make.follow("renderer-logs", "Startup completed");
        make.follow("nginx-logs", "\"/jobs");

        String counted = make.runWithInput(2, "select 'jobs=' || count(*) from jobs;\n", "psql");
        assertTrue(counted.matches("(?s).*jobs=[1-9][0-9]*.*"), counted);
        String pong = make.runWithInput(2, "PING\n", "redis-cli");
        assertTrue(pong.contains("PONG"), pong);
    }

    @Test
    @Order(7)
    @Execution(ExecutionMode.SAME_THREAD)
    void theMonitoringProfileScrapesEveryServiceWithItsAlertRulesLoaded() {
        make.program(15, List.of("compose/stack.sh", "compose", "--profile", "monitoring", "up", "-d", "prometheus"));
        String prometheus = "http://127.0.0.1:" + prometheusPort;
        Set<String> services = Set.of("gateway", "frontier", "fetcher", "renderer", "exporter", "analytics");
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    List<Map<String, Object>> targets =
                            PrometheusApi.list(plainGet(prometheus + "/api/v1/targets"), "activeTargets");
                    Set<String> scraped = new HashSet<>();
                    for (Map<String, Object> target : targets) {
                        assertEquals("up", target.get("health"), target.toString());
                        scraped.add(String.valueOf(
                                PrometheusApi.map(target.get("labels")).get("job")));
                    }
                    assertEquals(services, scraped, "every compose service is scraped");
                });
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().untilAsserted(() -> {
            List<Map<String, Object>> rules =
                    PrometheusApi.list(plainGet(prometheus + "/api/v1/rules"), "groups").stream()
                            .flatMap(group -> PrometheusApi.listOf(group.get("rules")).stream())
                            .toList();
            assertFalse(rules.isEmpty(), "the alert rules are loaded");
            rules.forEach(rule -> assertEquals("ok", rule.get("health"), rule.toString()));
        });
    }

    @Test
    @Order(8)
    @Execution(ExecutionMode.SAME_THREAD)
    void aRenderedJobSeesWhatTheScriptWroteAndRenderersAndAnalyticsScale() {
        UUID id = api.submit(Map.of(
                "url",
                ComposeTestSite.url(ComposeTestSite.host(2), ComposeTestSite.APP_PAGE),
                "maxDepth",
                0,
                "render",
                "always",
                "screenshot",
                true));
        jobs.add(id);
        assertEquals("completed", api.awaitFinished(id, JOB_DEADLINE).get("status"));
        HttpResponse<String> pages = api.get("/download/" + id + "/pages.jsonl");
        assertEquals(200, pages.statusCode(), pages.body());
        assertTrue(pages.body().contains(ComposeTestSite.SCRIPTED_TEXT), pages.body());
        assertTrue(pages.body().contains("\"rendered\":true"), pages.body());
        assertTrue(api.get("/jobs/" + id).body().contains("screenshot-"), "the PNG is among the job's files");
        // nginx (another user than the services) sends the downloads from the results volume
        Matcher png = Pattern.compile("\"screenshot\":\"(screenshot-[0-9a-f]{16}\\.png)\"")
                .matcher(pages.body());
        assertTrue(png.find(), pages.body());
        for (String file : List.of(png.group(1), "results.md", "manifest.json")) {
            assertEquals(200, api.get("/download/" + id + "/" + file).statusCode(), file);
        }

        make.run(10, "scale-renderers", "N=2");
        make.run(5, "scale-analytics", "N=2");
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    assertEquals(2, containers("renderer").size());
                    assertEquals(2, containers("analytics").size());
                    String health = make.run(2, "health");
                    assertFalse(health.contains("starting") || health.contains("unhealthy"), health);
                });
        // either analytics replica answers for the job, asking the other when it holds the partition
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    HttpResponse<String> stats = api.get("/jobs/" + id + "/stats");
                    assertEquals(200, stats.statusCode(), stats.body());
                });
    }

    private static String plainGet(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    private UUID submitEveryHost(int delayMs) {
        Map<String, Object> request = Map.of(
                "url",
                ComposeTestSite.url(ComposeTestSite.host(1), "/"),
                "maxDepth",
                2,
                "maxPages",
                1000,
                "allowExternalLinks",
                true,
                "delayMs",
                delayMs,
                "timeoutMs",
                120_000);
        // job submissions pass nginx's limit of one per second (bursts of five)
        UUID id = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> api.submit(request), submitted -> true);
        jobs.add(id);
        return id;
    }

    /** Every page exactly once: the result files (from make backup) against the admitted URLs in the stack's Redis. */
    private void audit(Map<UUID, Integer> expectedPages) {
        Path results = unpackResults(make.run(3, "backup"));
        JobAudit audit = new JobAudit(results, id -> new HashSet<>(Arrays.asList(
                        compose("exec", "-T", "redis", "redis-cli", "--raw", "HKEYS", JobKeys.admitted(id))
                                .split("\n")))
                .stream().filter(url -> !url.isBlank()).collect(Collectors.toSet()));
        List<String> violations = expectedPages.entrySet().stream()
                .flatMap(entry -> audit.violations(api.job(entry.getKey()), entry.getValue()).stream())
                .toList();
        assertEquals(List.of(), violations);
    }

    private Path unpackResults(String backup) {
        Path dir = work.resolve("audit-" + UUID.randomUUID());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        make.program(
                2, List.of("tar", "-C", dir.toString(), "-xzf", archive(backup).toString()));
        return dir.resolve("results");
    }

    private static Path archive(String backup) {
        return Path.of(backup.lines()
                .filter(line -> line.startsWith("Backup: "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(backup))
                .substring("Backup: ".length())
                .trim());
    }

    /** The consumers of the fetcher group that hold crawl.fetch partitions, from make lag. */
    private static Set<String> fetchConsumers(String lag) {
        return lag.lines()
                .map(line -> line.trim().split("\\s+"))
                .filter(columns ->
                        columns.length > 6 && columns[0].equals("fetcher") && columns[1].equals("crawl.fetch"))
                .map(columns -> columns[6])
                .filter(consumer -> !consumer.equals("-"))
                .collect(Collectors.toSet());
    }

    private List<String> containers(String service) {
        return compose("ps", "-q", service)
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
    }

    private String egressAddress(String container) {
        return egressNetwork(container, "IPAddress");
    }

    /** A field of the container's endpoint on the egress network, e.g. IPAddress or Gateway. */
    private String egressNetwork(String container, String field) {
        String template = "{{range $name, $net := .NetworkSettings.Networks}}{{if eq $name \"" + PROJECT
                + "_egress\"}}{{$net." + field + "}}{{end}}{{end}}";
        String value = docker("inspect", "-f", template, container).trim();
        assertFalse(value.isEmpty(), container + " has no " + field + " on the egress network");
        return value;
    }

    private String logsOf(String service) {
        return compose("logs", "--no-color", service)
                .lines()
                .map(line -> line.replaceFirst("^[^|]*\\|\\s?", ""))
                .collect(Collectors.joining("\n"));
    }

    private String compose(String... arguments) {
        List<String> command = new ArrayList<>(List.of("compose/stack.sh", "compose"));
        command.addAll(List.of(arguments));
        return make.program(2, command);
    }

    private String docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return make.program(2, command);
    }

    /** An HTTPS client that trusts exactly the certificate nginx made at its first start. */
    private HttpClient trustingTheStacksCertificate() throws Exception {
        String pem = compose("exec", "-T", "nginx", "cat", "/etc/nginx/tls/tls.crt");
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry(
                "stack",
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static boolean engineAnswers() {
        try {
            Process info = new ProcessBuilder("docker", "info")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return info.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && info.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
