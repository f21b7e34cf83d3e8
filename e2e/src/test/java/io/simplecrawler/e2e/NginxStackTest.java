package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.simplecrawler.localstack.FreePorts;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.PageRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local stack as {@code make run} starts it, nginx in front, used through nginx only, and
 * operated with the Makefile's targets ({@code scale-fetchers}, {@code backup}, {@code restore}).
 * It gets its own Kafka broker and Redis (started by make run on free ports) so that the other
 * e2e tests' services, which share this JVM's broker, can't take its records. Skipped, loudly,
 * where nginx is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxStackTest {
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(2);
    private static final List<String> SECURITY_HEADERS =
            List.of("X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Content-Security-Policy");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MakeRunStack stack;
    private Path work;
    private MakeTargets make;
    private int httpPort;
    private String api;
    private CrawlApi client;
    private String gateway;
    private String kafka;

    @BeforeAll
    void startTheLocalStackBehindNginx() {
        boolean nginx = MakeRunStack.nginxInstalled();
        if (!nginx) {
            System.err.println(
                    "!!! NginxStackTest SKIPPED: nginx is not installed (make test installs it when run as root) !!!");
        }
        assumeTrue(nginx, "nginx is not installed (make test installs it when run as root)");
        // nginx serves other machines; the services keep to loopback (BIND_ADDRESS's default).
        // make monitor's Prometheus (the last test) scrapes every second, on a port of its own.
        stack = MakeRunStack.start(
                "nginx-stack",
                Map.of(
                        "HTTP_ADDRESS", "0.0.0.0",
                        "PROMETHEUS_PORT", Integer.toString(FreePorts.next()),
                        "PROMETHEUS_SCRAPE_INTERVAL", "1s"));
        work = stack.work();
        make = stack.make();
        httpPort = stack.httpPort();
        api = stack.api();
        client = new CrawlApi(api);
        gateway = stack.gateway();
        kafka = stack.kafka();
    }

    @AfterAll
    void stopEverythingMakeRunStarted() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theReadEndpointsAndSwaggerUiAnswerThroughNginxWithTheSecurityHeadersAndTheSsrfGuardRefusesMetadataSeeds() {
        HttpResponse<String> health = client.get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", CrawlApi.json(health.body()).get("status"));
        assertEquals(200, client.get("/stats").statusCode());
        assertEquals(200, client.get("/jobs").statusCode());
        assertTrue(CrawlApi.json(client.get("/jobs").body()).containsKey("items"));
        HttpResponse<String> unknown = client.get("/jobs/" + UUID.randomUUID());
        assertEquals(404, unknown.statusCode());
        assertEquals(
                "application/problem+json",
                unknown.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(404, client.get("/management/prometheus").statusCode(), "the gateway's metrics stay inside");
        HttpResponse<String> openApi = client.get("/openapi.yml");
        assertEquals(200, openApi.statusCode());
        assertTrue(openApi.body().contains("/crawl"));
        HttpResponse<String> docs = client.get("/docs");
        assertEquals(200, docs.statusCode());
        assertTrue(
                docs.body().contains("/swagger-ui/res/swagger-ui-bundle.js"),
                "Swagger UI loads its script from this origin");
        assertEquals(200, client.get("/swagger-ui/res/swagger-ui-bundle.js").statusCode());
        Stream.of(health, unknown, openApi, docs).forEach(NginxStackTest::assertSecurityHeaders);

        // the local stack allows 127.0.0.0/8 for sites on this machine, not the cloud metadata address
        HttpResponse<String> metadata =
                client.post("/crawl", Map.of("url", "http://169.254.169.254/latest/meta-data/"));
        assertEquals(400, metadata.statusCode(), metadata.body());
        assertEquals(
                "application/problem+json",
                metadata.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(
                metadata.body().contains("\"field\":\"url\"")
                        && metadata.body().contains("SSRF guard")
                        && metadata.body().contains("169.254.0.0/16"),
                metadata.body());
    }

    @Test
    @Order(2)
    void aJobIsFollowedOverSseAndItsFilesAreSentByNginxAfterTheGatewayAuthorisesThem() throws Exception {
        try (LoopbackSite site = LoopbackSite.start("127.0.0.20", 4).holdSecondHalf()) {
            HttpResponse<String> submitted = client.post("/crawl", Map.of("url", site.url("/"), "maxDepth", 1));
            assertEquals(202, submitted.statusCode(), submitted.body());
            assertSecurityHeaders(submitted);
            String id = (String) CrawlApi.json(submitted.body()).get("id");
            assertEquals(
                    "/jobs/" + id, submitted.headers().firstValue("Location").orElseThrow());

            HttpResponse<InputStream> events = http.send(
                    HttpRequest.newBuilder(URI.create(api + "/jobs/" + id + "/events"))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, events.statusCode());
            try (BufferedReader stream =
                    new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                Map<String, Object> first = nextEvent(stream);
                String statusWhenTheFirstEventArrived = (String) job(id).get("status");
                assertFalse(
                        CrawlApi.FINISHED.contains(statusWhenTheFirstEventArrived),
                        "the first event reached the client while the job ran: " + first);
                assertEquals(409, client.get("/jobs/" + id + "/results").statusCode(), "no results before completion");
                site.release();
                Map<String, Object> last = first;
                while (!CrawlApi.FINISHED.contains((String) last.get("status"))) {
                    last = nextEvent(stream);
                }
                assertEquals("completed", last.get("status"), last.toString());
            }

            HttpResponse<String> results = client.get("/jobs/" + id + "/results");
            assertEquals(200, results.statusCode());
            assertEquals(
                    "text/markdown; charset=utf-8",
                    results.headers().firstValue("Content-Type").orElseThrow());

            Path pagesFile = work.resolve("run/results").resolve(id).resolve("pages.jsonl");
            HttpResponse<String> download = client.get("/download/" + id + "/pages.jsonl");
            assertEquals(200, download.statusCode());
            assertEquals(Files.readString(pagesFile), download.body());
            assertEquals(
                    "application/x-ndjson",
                    download.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(
                    "attachment; filename=\"pages.jsonl\"",
                    download.headers().firstValue("Content-Disposition").orElseThrow());
            assertSecurityHeaders(download);
            assertEquals(site.pageUrls(), pageUrls(download.body()));

            HttpResponse<String> direct = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/download/" + id + "/pages.jsonl"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(
                    "/_results/" + id + "/pages.jsonl",
                    direct.headers().firstValue("X-Accel-Redirect").orElseThrow());
            assertEquals("", direct.body(), "the gateway streams no body: nginx sends the file");
            Map<String, Object> logged = accessLogLine("/download/" + id + "/pages.jsonl");
            assertEquals(Files.size(pagesFile), ((Number) logged.get("bytes")).longValue(), logged.toString());
            assertTrue(
                    Long.parseLong((String) logged.get("upstream_bytes")) < 1024,
                    "headers only from the gateway: " + logged);
        }
    }

    @Test
    @Order(3)
    void cancelAndDeleteWorkThroughNginx() {
        try (LoopbackSite site = LoopbackSite.start("127.0.0.25", 5)) {
            String id = (String)
                    CrawlApi.json(client.post("/crawl", Map.of("url", site.url("/"), "maxDepth", 1, "delayMs", 10_000))
                                    .body())
                            .get("id");
            HttpResponse<String> cancelled = client.post("/jobs/" + id + "/cancel", Map.of());
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            assertEquals("cancelled", CrawlApi.json(cancelled.body()).get("status"));
            assertEquals(409, client.post("/jobs/" + id + "/cancel", Map.of()).statusCode(), "already finished");
            HttpResponse<String> deleted = client.delete("/jobs/" + id);
            assertEquals(204, deleted.statusCode());
            assertSecurityHeaders(deleted);
            assertEquals(404, client.get("/jobs/" + id).statusCode());
        }
    }

    /**
     * From client addresses of their own (127.0.0.x), so that no other test's requests count. The
     * bucket refills one request per 100 ms: on a machine so busy that nginx takes longer than that
     * to see the 21 requests, all pass, and the burst is tried again from a fresh address.
     */
    @Test
    @Order(4)
    void theTwentyFirstRequestOfABurstAndTheSixthSubmissionAreRefusedWithAProblem() throws IOException {
        List<String> refused = List.of();
        for (String client : List.of("127.0.0.9", "127.0.0.11", "127.0.0.12")) {
            List<String> burst =
                    burst(client, 21, "GET /jobs?limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            refused = burst.stream().filter(r -> r.startsWith("HTTP/1.1 429")).toList();
            assertTrue(refused.size() <= 1, "20 requests at once pass: " + statusLines(burst));
            if (refused.size() == 1) {
                break;
            }
        }
        assertEquals(1, refused.size(), "the 21st request is refused");
        String problem = refused.get(0);
        assertTrue(problem.contains("Content-Type: application/problem+json"), problem);
        assertTrue(problem.contains("\"status\":429"), problem);
        assertTrue(problem.contains("X-Content-Type-Options: nosniff"), problem);
        assertTrue(problem.contains("Retry-After: 1\r\n"), problem);

        String invalidSubmission =
                "POST /crawl HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                        + "Connection: close\r\n\r\n{}";
        List<String> submissions = burst("127.0.0.10", 6, invalidSubmission);
        assertEquals(
                1,
                submissions.stream().filter(r -> r.startsWith("HTTP/1.1 429")).count(),
                "5 submissions at once pass (to be refused by the gateway as invalid), the 6th is limited: "
                        + statusLines(submissions));
        submissions.forEach(answer -> assertEquals(
                answer.startsWith("HTTP/1.1 429"),
                answer.contains("Retry-After: 1\r\n"),
                () -> "only a 429 says when to retry: " + answer));
    }

    @Test
    @Order(5)
    void scalingToThreeFetchersDuringACrawlOfFourHostsSharesThePartitionsAndEveryJobGetsItsExactPages()
            throws Exception {
        List<LoopbackSite> sites = Stream.of("127.0.0.21", "127.0.0.22", "127.0.0.23", "127.0.0.24")
                .map(address -> LoopbackSite.start(address, 12).holdSecondHalf())
                .toList();
        try {
            Map<String, LoopbackSite> jobs = new HashMap<>();
            for (LoopbackSite site : sites) {
                // the held pages wait for the scaling, which may take a minute on a busy machine
                HttpResponse<String> submitted =
                        client.post("/crawl", Map.of("url", site.url("/"), "maxDepth", 1, "timeoutMs", 120_000));
                assertEquals(202, submitted.statusCode(), submitted.body());
                jobs.put((String) CrawlApi.json(submitted.body()).get("id"), site);
            }
            await().atMost(JOB_DEADLINE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> statuses(jobs.keySet()).values().stream().allMatch("running"::equals));

            String scaled = make.run(4, "scale-fetchers", "N=3");

            assertTrue(scaled.contains("3 fetcher replica(s) running"), scaled);
            assertTrue(
                    statuses(jobs.keySet()).values().stream().allMatch("running"::equals),
                    "the crawls went on while scaling");
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(this::threeFetchersShareEveryFetchPartition);
            sites.forEach(LoopbackSite::release);
            await().atMost(JOB_DEADLINE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> statuses(jobs.keySet()).values().stream().allMatch(CrawlApi.FINISHED::contains));
            for (Map.Entry<String, LoopbackSite> job : jobs.entrySet()) {
                Map<String, Object> finished = job(job.getKey());
                assertEquals("completed", finished.get("status"), finished.toString());
                assertEquals(13, finished.get("pagesCrawled"), finished.toString());
                assertEquals(0, finished.get("pagesFailed"), finished.toString());
                assertEquals(
                        job.getValue().pageUrls(),
                        pageUrls(client.get("/download/" + job.getKey() + "/pages.jsonl")
                                .body()));
            }
        } finally {
            sites.forEach(LoopbackSite::close);
        }
    }

    @Test
    @Order(6)
    void backupThenRestoreBringsBackTheJobsAndTheirFiles() throws IOException {
        String id;
        try (LoopbackSite site = LoopbackSite.start("127.0.0.26", 2)) {
            id = (String) CrawlApi.json(client.post("/crawl", Map.of("url", site.url("/"), "maxDepth", 1))
                            .body())
                    .get("id");
            await().atMost(JOB_DEADLINE).pollInterval(Duration.ofMillis(500)).until(() -> "completed"
                    .equals(job(id).get("status")));
        }
        Map<String, Object> before = CrawlApi.json(client.get("/jobs?limit=100").body());
        List<String> ids =
                items(before).stream().map(job -> (String) job.get("id")).toList();
        Map<String, String> filesBefore = resultFiles();
        String markdown = client.get("/download/" + id + "/results.md").body();

        String backup = make.run(3, "backup");

        Path archive = Path.of(backup.lines()
                .filter(line -> line.startsWith("Backup: "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(backup))
                .substring("Backup: ".length())
                .split(" ")[0]);
        assertTrue(Files.isRegularFile(archive), backup);
        ids.forEach(job -> assertEquals(204, client.delete("/jobs/" + job).statusCode()));
        assertEquals(0, ((Number) CrawlApi.json(client.get("/jobs").body()).get("total")).intValue());
        assertTrue(resultFiles().isEmpty());

        make.run(3, "restore", "FILE=" + archive);

        Map<String, Object> after = CrawlApi.json(client.get("/jobs?limit=100").body());
        assertEquals(
                ids, items(after).stream().map(job -> (String) job.get("id")).toList());
        assertEquals(
                items(before).stream().map(job -> job.get("status")).toList(),
                items(after).stream().map(job -> job.get("status")).toList());
        assertEquals(filesBefore, resultFiles());
        assertEquals(markdown, client.get("/download/" + id + "/results.md").body());
        assertEquals(200, client.get("/jobs/" + id + "/results").statusCode());
    }

    @Test
    @Order(7)
    void onlyNginxAnswersOnANonLoopbackAddressOfThisMachine() throws IOException {
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        if (outside.isEmpty()) {
            System.err.println("!!! NginxStackTest: this machine has no non-loopback IPv4 address; the check that "
                    + "only nginx answers there is SKIPPED !!!");
        }
        assumeTrue(outside.isPresent(), "no non-loopback IPv4 address");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        assertTrue(answers(outside.get(), httpPort), "nginx answers on " + outside.get());
        List<Integer> behindNginx = Stream.concat(
                        Stream.of("GATEWAY_PORT", "FRONTIER_PORT", "EXPORTER_PORT", "ANALYTICS_PORT", "FETCHER_PORT")
                                .map(name -> Integer.parseInt(make.setting(name))),
                        Stream.of(kafka, make.setting("REDIS_URL"))
                                .map(address -> Integer.parseInt(address.replaceAll(".*:", ""))))
                .toList();
        for (int port : behindNginx) {
            assertTrue(answers(loopback, port), port + " answers on loopback");
            assertFalse(answers(outside.get(), port), port + " is not reachable on " + outside.get());
        }
    }

    @Test
    @Order(8)
    void everyServiceAnswersLintCleanMetricsAndMakeMonitorsPrometheusScrapesThemAllWithEveryRuleHealthy()
            throws IOException {
        boolean promtool = Programs.which("promtool").isPresent();
        Programs.skipLoudlyUnless(
                promtool,
                "NginxStackTest's metrics check",
                "Debian's prometheus package (promtool, prometheus) is not installed (make test installs it when run as root)");
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("gateway", gateway + "/management/prometheus");
        endpoints.put("frontier", "http://127.0.0.1:" + make.setting("FRONTIER_PORT") + "/prometheus");
        endpoints.put("exporter", "http://127.0.0.1:" + make.setting("EXPORTER_PORT") + "/prometheus");
        endpoints.put("fetcher-1", "http://127.0.0.1:" + make.setting("FETCHER_PORT") + "/prometheus");
        endpoints.put("analytics", "http://127.0.0.1:" + make.setting("ANALYTICS_PORT") + "/prometheus");
        endpoints.forEach((service, url) -> PromtoolLint.assertPasses(service, get(url).body()));
        // the jobs of the tests before: every service has counted something
        assertTrue(get(endpoints.get("fetcher-1"))
                .body()
                .contains("simplecrawler_fetcher_pages_total{outcome=\"FETCHED\"}"));

        String monitor = make.run(3, "monitor");
        String prometheus = "http://127.0.0.1:" + make.setting("PROMETHEUS_PORT");
        assertTrue(monitor.contains("Prometheus: " + prometheus), monitor);
        // what make run and make monitor started, by their PID files
        Set<String> running;
        try (Stream<Path> pids = Files.list(work.resolve("run/pids"))) {
            running = pids.map(pid -> pid.getFileName().toString())
                    .filter(name -> name.endsWith(".pid"))
                    .map(name -> name.substring(0, name.length() - ".pid".length()))
                    .collect(Collectors.toCollection(HashSet::new));
        }
        assertTrue(running.contains("prometheus"), "make monitor's Prometheus is a process of the stack: " + running);
        running.removeAll(Set.of("prometheus", "nginx", "kafka", "stores"));
        assertTrue(running.containsAll(endpoints.keySet()), running.toString());
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<Map<String, Object>> targets =
                    PrometheusApi.list(get(prometheus + "/api/v1/targets").body(), "activeTargets");
            Set<String> processes = new HashSet<>();
            for (Map<String, Object> target : targets) {
                assertEquals("up", target.get("health"), target.toString());
                processes.add(
                        String.valueOf(PrometheusApi.map(target.get("labels")).get("process")));
            }
            assertEquals(running, processes, "every running service is scraped");
        });
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<Map<String, Object>> rules =
                    PrometheusApi.list(get(prometheus + "/api/v1/rules").body(), "groups").stream()
                            .flatMap(group -> PrometheusApi.listOf(group.get("rules")).stream())
                            .toList();
            assertEquals(6, rules.size(), rules.toString());
            rules.forEach(rule -> assertEquals("ok", rule.get("health"), rule.toString()));
        });
        String query = get(prometheus + "/api/v1/query?query=sum(simplecrawler_exporter_pages_written_total)")
                .body();
        assertTrue(query.contains("\"status\":\"success\"") && query.contains("\"value\""), query);
    }

    private HttpResponse<String> get(String url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), url + ": " + response.body());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private void threeFetchersShareEveryFetchPartition() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("fetcher"))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get("fetcher");
            assertEquals(3, group.members().size(), group.toString());
            int partitions = admin.describeTopics(List.of("crawl.fetch"))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get("crawl.fetch")
                    .partitions()
                    .size();
            Set<TopicPartition> assigned = group.members().stream()
                    .peek(member ->
                            assertFalse(member.assignment().topicPartitions().isEmpty(), member + " has partitions"))
                    .map(MemberDescription::assignment)
                    .flatMap(assignment -> assignment.topicPartitions().stream())
                    .filter(partition -> partition.topic().equals("crawl.fetch"))
                    .collect(Collectors.toSet());
            assertEquals(partitions, assigned.size(), "every crawl.fetch partition has one of the three");
        }
    }

    /** Opens {@code count} connections from {@code source}, sends the request on all of them at once, returns the answers. */
    private List<String> burst(String source, int count, String request) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket =
                        new Socket(InetAddress.getLoopbackAddress(), httpPort, InetAddress.getByName(source), 0);
                socket.setSoTimeout(30_000);
                sockets.add(socket);
            }
            for (Socket socket : sockets) {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            List<String> answers = new ArrayList<>();
            for (Socket socket : sockets) {
                answers.add(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return answers;
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static List<String> statusLines(List<String> answers) {
        return answers.stream().map(a -> a.lines().findFirst().orElse("")).toList();
    }

    private Map<String, String> resultFiles() throws IOException {
        Path results = work.resolve("run/results");
        try (Stream<Path> files = Files.walk(results)) {
            Map<String, String> sizes = new HashMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sizes.put(results.relativize(file).toString(), Long.toString(Files.size(file)));
            }
            return sizes;
        }
    }

    private Map<String, String> statuses(Set<String> ids) {
        Map<String, String> statuses = new HashMap<>();
        items(CrawlApi.json(client.get("/jobs?limit=100").body()))
                .forEach(job -> statuses.put((String) job.get("id"), (String) job.get("status")));
        statuses.keySet().retainAll(ids);
        return statuses;
    }

    private Map<String, Object> accessLogLine(String uri) throws IOException {
        Path log = work.resolve("run/logs/nginx/access.log");
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> Files.readAllLines(log).stream()
                                .map(CrawlApi::json)
                                .filter(line -> uri.equals(line.get("uri")))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static Map<String, Object> nextEvent(BufferedReader stream) throws Exception {
        while (true) {
            String line = CompletableFuture.supplyAsync(() -> readLine(stream)).get(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("the event stream ended before a terminal event");
            }
            if (line.startsWith("data:")) {
                return CrawlApi.json(line.substring("data:".length()).trim());
            }
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> pageUrls(String pagesJsonl) {
        List<String> urls = pagesJsonl
                .lines()
                .map(line -> EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class)
                        .url())
                .toList();
        assertEquals(urls.size(), Set.copyOf(urls).size(), "each page once");
        return Set.copyOf(urls);
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        SECURITY_HEADERS.forEach(header -> assertTrue(
                response.headers().firstValue(header).isPresent(),
                header + " on " + response.request().method() + " " + response.uri() + " (" + response.statusCode()
                        + ")"));
    }

    private Map<String, Object> job(String id) {
        return client.job(UUID.fromString(id));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
