package io.simplecrawler.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One SimpleCrawler service (gateway, frontier, exporter, analytics, a fetcher or a renderer) running from its shaded jar
 * in its own JVM, answering HTTP on 127.0.0.1:{@link #port()} (and on no other address, unless
 * {@code env} sets MICRONAUT_SERVER_HOST).
 */
public final class ServiceProcess {

    private final int port;
    private final ChildProcess process;

    /**
     * @param name e.g. {@code fetcher-2}
     * @param jar the service's shaded jar
     * @param port its HTTP port (passed as {@code MICRONAUT_SERVER_PORT})
     * @param env its environment on top of this JVM's; MICRONAUT_SERVER_HOST defaults to 127.0.0.1
     */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path runDir) {
        this.port = port;
        Map<String, String> withPort = new HashMap<>(env);
        withPort.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        withPort.putIfAbsent("MICRONAUT_SERVER_HOST", "127.0.0.1");
        // A fetcher or renderer parses pages of up to 10 MB, whose trees take ten to twenty times that.
        String maxHeap = ServiceNames.isReplica(name) ? "-Xmx512m" : "-Xmx256m";
        List<String> jvmArgs = new ArrayList<>(SmallJvm.flags(maxHeap));
        jvmArgs.addAll(List.of("-jar", jar.toString()));
        this.process = new ChildProcess(name, jvmArgs, withPort, runDir);
    }

    /** Launches the JVM; see {@link #awaitHealthy(Duration)}. */
    public ServiceProcess start() {
        process.start();
        return this;
    }

    /** Waits until {@code GET /health} answers 200. */
    public ServiceProcess awaitHealthy(Duration timeout) {
        process.awaitReady("healthy on " + healthUrl(), this::isHealthy, timeout);
        return this;
    }

    /** True when {@code GET /health} answers 200 right now. */
    public boolean isHealthy() {
        return isHealthy(port);
    }

    static boolean isHealthy(int port) {
        return HealthProbe.answersOk("http://127.0.0.1:" + port + "/health");
    }

    /** Graceful stop: SIGTERM, then SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        process.stop(grace);
    }

    /** SIGKILL, as in a crash. */
    public void kill() {
        process.kill();
    }

    /** SIGSTOP: frozen, neither dead nor answering, until {@link #resume()}. */
    public void suspend() {
        process.suspend();
    }

    /** SIGCONT after {@link #suspend()}. */
    public void resume() {
        process.resume();
    }

    /** Stops (SIGTERM, SIGKILL after {@code grace}), starts again on the same port and waits until healthy. */
    public ServiceProcess restart(Duration grace, Duration healthTimeout) {
        stop(grace);
        return start().awaitHealthy(healthTimeout);
    }

    /** The name it was started under, e.g. {@code fetcher-2}. */
    public String name() {
        return process.name();
    }

    /** Its HTTP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The PID of its JVM. */
    public long pid() {
        return process.pid();
    }

    /** True while its JVM runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Its stdout and stderr. */
    public Path logFile() {
        return process.logFile();
    }

    private String healthUrl() {
        return baseUrl() + "/health";
    }
}
