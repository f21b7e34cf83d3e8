package io.simplecrawler.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's service JVMs (gateway, frontier, exporter, analytics, fetcher and renderer
 * replicas), each started from
 * {@code <repo>/<module>/target/<module>-0.1.0-SNAPSHOT.jar} with one shared environment. Used by
 * the end-to-end tests (free ports, stopped when the test JVM exits) and by {@code make run} (fixed
 * ports, left running).
 *
 * <pre>{@code
 * try (PipelineProcesses pipeline = PipelineProcesses.forTests(PipelineProcesses.repoRoot(), runDir, env)) {
 *     pipeline.startAll(2, Duration.ofMinutes(2));
 *     ... pipeline.process("fetcher-1").kill(); pipeline.restart("fetcher-1") ...
 * }
 * }</pre>
 */
public final class PipelineProcesses implements AutoCloseable {
    static final String VERSION = "0.1.0-SNAPSHOT";
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(3);

    private final Path repoRoot;
    private final Path runDir;
    private final Map<String, String> env;
    private final PortPlan ports;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

    /**
     * @param env passed to every service: KAFKA_BOOTSTRAP_SERVERS, POSTGRES_URL, POSTGRES_USER,
     *     POSTGRES_PASSWORD, REDIS_URL, RESULTS_DIR ... (MICRONAUT_SERVER_PORT is set per process)
     */
    public PipelineProcesses(Path repoRoot, Path runDir, Map<String, String> env, PortPlan ports) {
        this.repoRoot = repoRoot;
        this.runDir = runDir;
        this.env = Map.copyOf(env);
        this.ports = ports;
    }

    /**
     * Free ports, SSRF guard settings that allow the test sites on 127.0.0.0/8 (unless {@code env}
     * has its own), and every process is killed when this JVM exits, even if a test forgets {@link #close()}. */
    public static PipelineProcesses forTests(Path repoRoot, Path runDir, Map<String, String> env) {
        // the test sites run on 127.0.0.1 at free ports, which the SSRF guard denies by default
        Map<String, String> testEnv = new HashMap<>(Map.of(
                "SIMPLECRAWLER_ALLOWED_NETWORKS", LocalSettings.LOOPBACK,
                "SIMPLECRAWLER_ALLOWED_PORTS", LocalSettings.UNPRIVILEGED_PORTS));
        testEnv.putAll(env);
        PipelineProcesses pipeline = new PipelineProcesses(repoRoot, runDir, testEnv, PortPlan.free());
        Runtime.getRuntime().addShutdownHook(new Thread(pipeline::killAll, "pipeline-processes-stop"));
        return pipeline;
    }

    /** The repository root: the nearest folder at or above the working directory that holds compose/local/pom.xml. */
    public static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("compose/local/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no compose/local/pom.xml at or above " + Path.of("").toAbsolutePath());
    }

    /** The shaded jar of a module, e.g. {@code jar("fetcher")}. */
    public Path jar(String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
    }

    /** The modules whose jars are missing; empty when {@code mvn package} has run. */
    public List<String> missingJars() {
        List<String> missing = new ArrayList<>();
        for (String module : List.of("gateway", "frontier", "fetcher", "exporter", "analytics", "renderer")) {
            if (!Files.isRegularFile(jar(module))) {
                missing.add(module);
            }
        }
        return missing;
    }

    /**
     * Launches gateway, frontier, exporter and {@code fetchers} fetcher replicas all at once, then
     * waits until each is healthy. A process whose PID file in the run folder names a live process
     * of ours is left alone.
     *
     * @return the names that were already running
     */
    public List<String> startAll(int fetchers, Duration healthTimeout) {
        List<String> names = new ArrayList<>(ServiceNames.SINGLETONS);
        for (int i = 1; i <= fetchers; i++) {
            names.add(ServiceNames.fetcher(i));
        }
        return startAll(names, healthTimeout);
    }

    /**
     * Launches these processes ({@code gateway}, {@code fetcher-3} ...) all at once, then waits
     * until each is healthy; one whose PID file names a live process of ours is left alone.
     *
     * @return the names that were already running
     */
    public List<String> startAll(List<String> names, Duration healthTimeout) {
        List<String> alreadyRunning = new ArrayList<>();
        List<ServiceProcess> started = new ArrayList<>();
        for (String name : names) {
            if (ChildProcess.running(runDir, name).isPresent()) {
                alreadyRunning.add(name);
            } else {
                started.add(launch(name, Map.of()));
            }
        }
        started.forEach(p -> p.awaitHealthy(healthTimeout));
        return alreadyRunning;
    }

    /** Starts one process ({@code gateway}, {@code fetcher-3} ...) and waits until it is healthy. */
    public ServiceProcess start(String name) {
        return start(name, Map.of());
    }

    /** Like {@link #start(String)}, with extra environment variables for this process only. */
    public ServiceProcess start(String name, Map<String, String> extraEnv) {
        return launch(name, extraEnv).awaitHealthy(HEALTH_TIMEOUT);
    }

    /** Starts the next fetcher replica ({@code fetcher-<n+1>}) and waits until it is healthy. */
    public ServiceProcess addFetcher() {
        return addReplica(ServiceNames.FETCHER);
    }

    /**
     * Starts the next renderer replica ({@code renderer-<n+1>}), which renders the tasks of
     * crawl.render in Debian's Chromium, and waits until it is healthy.
     */
    public ServiceProcess addRenderer() {
        return addReplica(ServiceNames.RENDERER);
    }

    private ServiceProcess addReplica(String module) {
        int next = (int) processes.keySet().stream()
                        .filter(name -> ServiceNames.isReplicaOf(module, name))
                        .count()
                + 1;
        while (processes.containsKey(ServiceNames.replicaOf(module, next))) {
            next++;
        }
        return start(ServiceNames.replicaOf(module, next));
    }

    /** A process started by this object. */
    public ServiceProcess process(String name) {
        ServiceProcess process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process " + name + "; started: " + processes.keySet());
        }
        return process;
    }

    /** The processes started by this object, in start order. */
    public List<ServiceProcess> processes() {
        return List.copyOf(processes.values());
    }

    /** {@code http://127.0.0.1:<gateway port>} */
    public String gatewayUrl() {
        return process("gateway").baseUrl();
    }

    /** SIGKILL one process, as in a crash. */
    public void kill(String name) {
        process(name).kill();
    }

    /** Graceful stop of one process (SIGTERM, SIGKILL after a grace period). */
    public void stop(String name) {
        process(name).stop(STOP_GRACE);
    }

    /** Stops one process if it still runs, starts it again on the same port and waits until it is healthy. */
    public ServiceProcess restart(String name) {
        return process(name).restart(STOP_GRACE, HEALTH_TIMEOUT);
    }

    /** Graceful stop of every process, gateway first. */
    public void stopAll() {
        processes.values().forEach(p -> p.stop(STOP_GRACE));
    }

    @Override
    public void close() {
        stopAll();
    }

    private void killAll() {
        processes.values().forEach(ServiceProcess::kill);
    }

    private ServiceProcess launch(String name, Map<String, String> extraEnv) {
        if (processes.containsKey(name) && processes.get(name).isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        int port = ports.portFor(name);
        if (FreePorts.inUse(port)) {
            throw new IllegalStateException("port " + port + " for " + name + " is taken by another program");
        }
        Map<String, String> processEnv = new HashMap<>(env);
        processEnv.putAll(extraEnv);
        ServiceProcess process = new ServiceProcess(name, jar(ServiceNames.module(name)), port, processEnv, runDir);
        processes.put(name, process);
        return process.start();
    }
}
