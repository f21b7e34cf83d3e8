package io.simplecrawler.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code make run / infra / stop / status / scale-fetchers / scale-renderers}: the whole pipeline on one machine
 * without Docker. Stores and Kafka are used where they answer at the configured addresses, else
 * started here (embedded Postgres + Redis in a {@link LocalStores} JVM, a KRaft broker from the
 * Kafka jars); then the services start from their jars, and nginx in front of the gateway
 * when it is installed ({@link LocalNginx}). Everything the stack starts is recorded in {@code
 * <run>/pids}, and {@code stop} stops exactly those processes.
 */
public final class LocalStack {
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    static final String STORES = "stores";

    private final LocalSettings settings;
    private final String classpath;
    private final PrintStream out;

    LocalStack(LocalSettings settings, String classpath, PrintStream out) {
        this.settings = settings;
        this.classpath = classpath;
        this.out = out;
    }

    public static void main(String[] args) {
        LocalStack stack = new LocalStack(
                LocalSettings.from(PipelineProcesses.repoRoot(), System::getenv),
                System.getProperty("java.class.path"),
                System.out);
        String command = args.length == 0 ? "run" : args[0];
        try {
            switch (command) {
                case "run" -> stack.run(true);
                case "infra" -> stack.run(false);
                case "stop" -> stack.stop();
                case "status" -> stack.status();
                case "scale" -> stack.scale(ServiceNames.FETCHER, Integer.parseInt(args[1]));
                case "scale-renderers" -> stack.scale(ServiceNames.RENDERER, Integer.parseInt(args[1]));
                case "env" -> stack.printEnv();
                case "monitor" -> stack.monitor();
                default -> throw new IllegalArgumentException(
                        "usage: LocalStack run|infra|stop|status|scale <fetchers>|scale-renderers <renderers>|env|monitor");
            }
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
        // Kafka admin clients leave non-daemon threads behind
        System.exit(0);
    }

    /** Starts whatever is not running yet; with {@code services}, also the services (every fetcher and renderer replica included). */
    void run(boolean services) {
        PipelineProcesses pipeline = pipeline();
        if (services && !pipeline.missingJars().isEmpty()) {
            throw new IllegalStateException("no service jar for " + pipeline.missingJars()
                    + ": build first (make build, i.e. mvn -B -DskipTests install)");
        }
        createDirectories(settings.runDir(), settings.resultsDir());
        ensureStores();
        ensureKafka();
        if (!services) {
            out.println("Infrastructure up: Kafka " + settings.kafkaBootstrapServers() + ", Postgres "
                    + settings.postgresUrl() + ", Redis " + settings.redisUrl());
            return;
        }
        List<String> names = new ArrayList<>(ServiceNames.SINGLETONS);
        names.add(ServiceNames.ANALYTICS);
        for (int i = 1; i <= settings.fetchers(); i++) {
            names.add(ServiceNames.fetcher(i));
        }
        for (int i = 1; i <= settings.renderers(); i++) {
            names.add(ServiceNames.renderer(i));
        }
        List<String> alreadyRunning = pipeline.startAll(names, STARTUP_TIMEOUT);
        alreadyRunning.forEach(name -> out.println(name + " already running"));
        pipeline.processes()
                .forEach(p -> out.println(p.name() + " started (pid " + p.pid() + ", " + p.baseUrl() + ")"));
        String gateway = "http://127.0.0.1:" + settings.ports().portFor("gateway");
        String api = settings.nginx()
                .map(binary -> ensureNginx(new LocalNginx(settings, binary)))
                .orElse(gateway);
        if (!pipeline.processes().isEmpty()) {
            out.println("Logs in " + settings.runDir().resolve("logs") + ", results in " + settings.resultsDir());
        }
        if (settings.nginx().isEmpty()) {
            out.println("nginx is not installed (make run installs it when run as root; or: apt-get install nginx):"
                    + " the gateway answers on port " + settings.httpPort() + " directly");
        }
        out.println("SimpleCrawler API: " + api);
    }

    /** Starts nginx unless ours runs; returns its address. */
    private String ensureNginx(LocalNginx nginx) {
        Optional<ProcessHandle> ours = ChildProcess.running(settings.runDir(), LocalNginx.NAME);
        if (ours.isPresent()) {
            out.println("nginx already running (pid " + ours.get().pid() + ")");
        } else {
            ChildProcess started = nginx.start();
            out.println("nginx started (pid " + started.pid() + ", " + nginx.url() + " -> gateway http://127.0.0.1:"
                    + settings.ports().portFor("gateway") + ")");
        }
        return nginx.url();
    }

    /**
     * Starts Prometheus against the running services unless ours runs (then only its list of
     * targets is written again, e.g. after scale-fetchers), and prints its address.
     */
    void monitor() {
        Path binary = LocalPrometheus.find(System::getenv)
                .orElseThrow(
                        () -> new IllegalStateException(
                                "Prometheus is not installed (make monitor installs it when run as root; or: apt-get install prometheus)"));
        LocalPrometheus prometheus = new LocalPrometheus(settings, binary);
        List<String> services = serviceNames().stream()
                .filter(name -> ChildProcess.running(settings.runDir(), name).isPresent())
                .toList();
        if (services.isEmpty()) {
            out.println(
                    "No service of the local stack runs (make run first); Prometheus will scrape them once they do.");
        }
        Optional<ProcessHandle> ours = ChildProcess.running(settings.runDir(), LocalPrometheus.NAME);
        if (ours.isPresent()) {
            prometheus.writeTargets(services);
            out.println("Prometheus already running (pid " + ours.get().pid() + "); targets: " + services);
        } else {
            ChildProcess started = prometheus.start(services);
            out.println("Prometheus started (pid " + started.pid() + "), scraping " + services
                    + " with the alert rules of monitoring/rules");
        }
        out.println("Prometheus: " + prometheus.url());
    }

    /** Stops every process recorded in the run folder: Prometheus and nginx, the services, then Kafka, then the stores. */
    void stop() {
        List<List<String>> phases = List.of(
                List.of(LocalPrometheus.NAME, LocalNginx.NAME),
                serviceNames(),
                List.of(LocalKafka.NAME),
                List.of(STORES));
        int stopped = 0;
        for (List<String> phase : phases) {
            stopped += stopTogether(phase);
        }
        out.println(stopped == 0 ? "Nothing was running." : "Stopped " + stopped + " process(es).");
    }

    void status() {
        Optional<ProcessHandle> nginx = ChildProcess.running(settings.runDir(), LocalNginx.NAME);
        settings.nginx()
                .ifPresentOrElse(
                        binary -> {
                            LocalNginx front = new LocalNginx(settings, binary);
                            out.printf(
                                    Locale.ROOT,
                                    "%-12s %-22s %-12s %s%n",
                                    LocalNginx.NAME,
                                    describe(nginx),
                                    nginx.isEmpty() ? "" : front.answers() ? "answers" : "no answer",
                                    front.url());
                        },
                        () -> out.printf(Locale.ROOT, "%-12s %-22s%n", LocalNginx.NAME, "not installed"));
        Optional<ProcessHandle> prometheus = ChildProcess.running(settings.runDir(), LocalPrometheus.NAME);
        if (prometheus.isPresent()) {
            String url = "http://127.0.0.1:" + settings.prometheusPort();
            out.printf(
                    Locale.ROOT,
                    "%-12s %-22s %-12s %s%n",
                    LocalPrometheus.NAME,
                    describe(prometheus),
                    HealthProbe.answersOk(url + "/-/ready") ? "answers" : "no answer",
                    url);
        }
        for (String name : serviceNames()) {
            Optional<ProcessHandle> process = ChildProcess.running(settings.runDir(), name);
            int port = settings.ports().portFor(name);
            String health = process.isEmpty() ? "" : ServiceProcess.isHealthy(port) ? "healthy" : "not healthy";
            out.printf(Locale.ROOT, "%-12s %-22s %-12s http://127.0.0.1:%d%n", name, describe(process), health, port);
        }
        out.printf(
                Locale.ROOT,
                "%-12s %-22s %-12s %s%n",
                LocalKafka.NAME,
                describe(ChildProcess.running(settings.runDir(), LocalKafka.NAME)),
                StoreProbes.kafkaAnswers(settings.kafkaBootstrapServers()) ? "answers" : "no answer",
                settings.kafkaBootstrapServers());
        out.printf(
                Locale.ROOT,
                "%-12s %-22s %-12s %s%n",
                "postgres",
                describe(ChildProcess.running(settings.runDir(), STORES)),
                postgresAnswers() ? "answers" : "no answer",
                settings.postgresUrl());
        out.printf(
                Locale.ROOT,
                "%-12s %-22s %-12s %s%n",
                "redis",
                describe(ChildProcess.running(settings.runDir(), STORES)),
                StoreProbes.redisAnswers(settings.redisAddress()) ? "answers" : "no answer",
                settings.redisUrl());
    }

    /**
     * The settings as shell assignments, for the scripts behind make psql, backup, topics ...:
     * API_URL, RUN_DIR, RESULTS_DIR, the service variables and libpq's PGHOST, PGPORT, PGDATABASE,
     * PGUSER, PGPASSWORD.
     */
    void printEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        boolean nginx = settings.nginx().isPresent();
        env.put(
                "API_URL",
                "http://127.0.0.1:"
                        + (nginx ? settings.httpPort() : settings.ports().portFor("gateway")));
        env.put("GATEWAY_URL", "http://127.0.0.1:" + settings.ports().portFor("gateway"));
        env.put("RUN_DIR", settings.runDir().toString());
        env.putAll(new TreeMap<>(settings.serviceEnv()));
        env.put("PGHOST", settings.postgresAddress().getHost());
        env.put(
                "PGPORT",
                Integer.toString(
                        settings.postgresAddress().getPort() < 0
                                ? 5432
                                : settings.postgresAddress().getPort()));
        env.put("PGDATABASE", settings.postgresDatabase());
        env.put("PGUSER", settings.postgresUser());
        env.put("PGPASSWORD", settings.postgresPassword());
        env.forEach((name, value) -> out.println(name + "='" + value.replace("'", "'\\''") + "'"));
    }

    /** Starts or stops replicas of {@code module} (fetcher or renderer) until {@code replicas} run. */
    void scale(String module, int replicas) {
        PipelineProcesses pipeline = pipeline();
        List<String> running = serviceNames().stream()
                .filter(name -> ServiceNames.isReplicaOf(module, name))
                .filter(name -> ChildProcess.running(settings.runDir(), name).isPresent())
                .toList();
        List<String> wanted = new ArrayList<>();
        for (int i = 1; i <= replicas; i++) {
            wanted.add(ServiceNames.replicaOf(module, i));
        }
        pipeline.startAll(wanted, STARTUP_TIMEOUT);
        pipeline.processes()
                .forEach(p -> out.println(p.name() + " started (pid " + p.pid() + ", " + p.baseUrl() + ")"));
        stopTogether(running.stream()
                .filter(name -> ServiceNames.replica(name) > replicas)
                .toList());
        String topic = module.equals(ServiceNames.RENDERER) ? "crawl.render" : "crawl.fetch";
        out.println(replicas + " " + module + " replica(s) running; more replicas than " + topic
                + " partitions stay idle.");
    }

    private void ensureStores() {
        boolean postgresUp = postgresAnswers();
        boolean redisUp = StoreProbes.redisAnswers(settings.redisAddress());
        Optional<ProcessHandle> ours = ChildProcess.running(settings.runDir(), STORES);
        if (postgresUp && redisUp) {
            out.println(ours.map(p -> "Postgres and Redis already running (pid " + p.pid() + ")")
                    .orElse("Postgres at " + settings.postgresUrl() + " and Redis at " + settings.redisUrl()
                            + " answer: using them"));
            return;
        }
        if (ours.isPresent()) {
            throw new IllegalStateException(
                    "the stores JVM (pid " + ours.get().pid() + ") runs but Postgres or Redis does not answer; see "
                            + settings.runDir().resolve("logs/" + STORES + ".log") + ", or run make stop");
        }
        List<String> jvmArgs = new ArrayList<>(SmallJvm.flags("-Xmx256m"));
        jvmArgs.addAll(List.of(
                "-Dlogback.configurationFile=localstack-logback.xml",
                "-Dstores.data=" + settings.runDir().resolve("data")));
        if (!postgresUp) {
            int port = portOf(settings.postgresAddress(), 5432, "POSTGRES_URL");
            jvmArgs.addAll(List.of(
                    "-Dstores.postgres.port=" + port,
                    "-Dstores.postgres.database=" + settings.postgresDatabase(),
                    "-Dstores.postgres.user=" + settings.postgresUser(),
                    "-Dstores.postgres.password=" + settings.postgresPassword()));
        }
        if (!redisUp) {
            jvmArgs.add("-Dstores.redis.port=" + portOf(settings.redisAddress(), 6379, "REDIS_URL"));
        }
        jvmArgs.addAll(List.of("-cp", classpath, LocalStores.class.getName()));
        ChildProcess stores = new ChildProcess(STORES, jvmArgs, Map.of(), settings.runDir()).start();
        stores.awaitReady(
                "serving Postgres and Redis",
                () -> postgresAnswers() && StoreProbes.redisAnswers(settings.redisAddress()),
                STARTUP_TIMEOUT);
        out.println((postgresUp ? "" : "Postgres " + settings.postgresUrl() + " ")
                + (redisUp ? "" : "Redis " + settings.redisUrl() + " ") + "started (pid " + stores.pid() + ")");
    }

    private void ensureKafka() {
        Optional<ProcessHandle> ours = ChildProcess.running(settings.runDir(), LocalKafka.NAME);
        if (StoreProbes.kafkaAnswers(settings.kafkaBootstrapServers())) {
            out.println(ours.map(p -> "Kafka already running (pid " + p.pid() + ")")
                    .orElse("Kafka at " + settings.kafkaBootstrapServers() + " answers: using it"));
            return;
        }
        if (ours.isPresent()) {
            throw new IllegalStateException(
                    "the Kafka JVM (pid " + ours.get().pid() + ") runs but does not answer; see "
                            + settings.runDir().resolve("logs/kafka.log") + ", or run make stop");
        }
        portOf(settings.kafkaAddress(), 9092, "KAFKA_BOOTSTRAP_SERVERS");
        if (FreePorts.inUse(settings.kafkaControllerPort())) {
            throw new IllegalStateException("port " + settings.kafkaControllerPort()
                    + " for the Kafka controller is taken; set KAFKA_CONTROLLER_PORT");
        }
        ChildProcess broker = new LocalKafka(settings, classpath).start();
        out.println("Kafka " + settings.kafkaBootstrapServers() + " started (pid " + broker.pid() + ")");
    }

    /** The port to start a store on: the address must be this machine's, and nothing else may hold the port. */
    private static int portOf(URI address, int defaultPort, String variable) {
        if (!StoreProbes.isLoopback(address)) {
            throw new IllegalStateException(variable + " points at " + address.getHost()
                    + ", which does not answer; only a 127.0.0.1 address can be started locally");
        }
        int port = address.getPort() < 0 ? defaultPort : address.getPort();
        if (FreePorts.inUse(port)) {
            throw new IllegalStateException("something listens on port " + port + " but does not answer as " + variable
                    + " expects; stop it or set " + variable);
        }
        return port;
    }

    private boolean postgresAnswers() {
        return StoreProbes.postgresAnswers(
                settings.postgresUrl(), settings.postgresUser(), settings.postgresPassword());
    }

    private PipelineProcesses pipeline() {
        return new PipelineProcesses(settings.repoRoot(), settings.runDir(), settings.serviceEnv(), settings.ports());
    }

    /** gateway, every fetcher and renderer replica with a PID file, frontier, exporter and analytics, in stop order. */
    private List<String> serviceNames() {
        List<String> names = new ArrayList<>(List.of("gateway"));
        Path pids = settings.runDir().resolve("pids");
        if (Files.isDirectory(pids)) {
            try (Stream<Path> files = Files.list(pids)) {
                files.map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith(PidFile.SUFFIX))
                        .map(f -> f.substring(0, f.length() - PidFile.SUFFIX.length()))
                        .filter(ServiceNames::isReplica)
                        .sorted(Comparator.comparing(ServiceNames::module).thenComparingInt(ServiceNames::replica))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        names.addAll(List.of("frontier", "exporter", ServiceNames.ANALYTICS));
        return names;
    }

    /** SIGTERM to all at once, then waits for each (SIGKILL after the grace period); removes their PID files. */
    private int stopTogether(List<String> names) {
        Map<String, ProcessHandle> live = new LinkedHashMap<>();
        for (String name : names) {
            ChildProcess.running(settings.runDir(), name)
                    .ifPresentOrElse(
                            process -> {
                                process.destroy();
                                live.put(name, process);
                            },
                            () -> PidFile.of(settings.runDir(), name).delete());
        }
        live.forEach((name, process) -> {
            boolean graceful = ChildProcess.terminate(process, STOP_GRACE);
            PidFile.of(settings.runDir(), name).delete();
            out.println("stopped " + name + " (pid " + process.pid() + ")"
                    + (graceful ? "" : ", killed: no exit within " + STOP_GRACE.toSeconds() + " s of SIGTERM"));
        });
        return live.size();
    }

    private static String describe(Optional<ProcessHandle> process) {
        return process.map(p -> "running (pid " + p.pid() + ")").orElse("not running");
    }

    private static void createDirectories(Path... dirs) {
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
