package io.simplecrawler.analytics;

import io.simplecrawler.localstack.ChildProcess;
import io.simplecrawler.localstack.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Analytics services as real processes on the test broker, all of one Streams application (one
 * consumer group), each with its own HTTP port and state folder, so that they can be killed
 * (SIGKILL: no clean shutdown) or suspended as a crash or a stall leaves them. Closing kills
 * every process still running.
 */
public final class AnalyticsProcesses implements AutoCloseable {
    public static final Duration DEADLINE = Duration.ofMinutes(3);

    private final String kafka;
    private final String applicationId;
    private final Path runDir;
    private final List<ChildProcess> processes = new ArrayList<>();

    public AnalyticsProcesses(String kafka, String applicationId) throws IOException {
        this.kafka = kafka;
        this.applicationId = applicationId;
        this.runDir = Files.createTempDirectory(applicationId);
    }

    /** A new HTTP port for an instance. */
    public static int port() {
        return FreePorts.next();
    }

    /**
     * Starts an instance and waits until it is healthy; one started again under the same {@code
     * state} name finds the state folder the last one left behind.
     */
    public ChildProcess start(String name, int port, String state) {
        ChildProcess process = new ChildProcess(
                name,
                List.of(
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        AnalyticsApplication.class.getName()),
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        kafka,
                        "MICRONAUT_SERVER_PORT",
                        Integer.toString(port),
                        "ANALYTICS_APPLICATION_ID",
                        applicationId,
                        "ANALYTICS_ADVERTISED_HOST",
                        "127.0.0.1",
                        "ANALYTICS_STATE_DIR",
                        runDir.resolve(state).toString()),
                runDir);
        processes.add(process);
        process.start().awaitReady("healthy", () -> healthy(port), DEADLINE);
        return process;
    }

    private static boolean healthy(int port) {
        try {
            return get(port, "/health").statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /**
     * GET {@code path} of the instance at {@code port}, waiting for the answer at most 30 s.
     *
     * @throws UncheckedIOException when refused or timed out
     */
    public static HttpResponse<String> get(int port, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        processes.forEach(ChildProcess::kill);
    }
}
