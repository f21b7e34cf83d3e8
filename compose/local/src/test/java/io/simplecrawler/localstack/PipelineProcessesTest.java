package io.simplecrawler.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launches real JVMs from jars laid out like the service modules' (each holding {@link FakeService}). */
class PipelineProcessesTest {
    @TempDir
    Path repo;

    private Path runDir;
    private PipelineProcesses pipeline;

    @BeforeEach
    void layOutFakeJars() throws IOException {
        runDir = repo.resolve(".run");
        for (String module : List.of("gateway", "frontier", "fetcher", "exporter", "analytics", "renderer")) {
            writeFakeServiceJar(repo.resolve(module + "/target/" + module + "-0.1.0-SNAPSHOT.jar"));
        }
        pipeline = PipelineProcesses.forTests(repo, runDir, Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"));
    }

    @AfterEach
    void stopAll() {
        pipeline.close();
    }

    @Test
    void startsEveryServiceWithItsEnvironmentPidAndLog() throws Exception {
        assertEquals(List.of(), pipeline.missingJars());
        pipeline.startAll(2, Duration.ofSeconds(60));

        assertEquals(
                List.of("gateway", "frontier", "exporter", "fetcher-1", "fetcher-2"),
                pipeline.processes().stream().map(ServiceProcess::name).toList());
        for (ServiceProcess process : pipeline.processes()) {
            assertTrue(process.isHealthy(), process.name());
            assertEquals(
                    Long.toString(process.pid()),
                    Files.readString(runDir.resolve("pids/" + process.name() + ".pid"))
                            .trim());
            assertEquals("127.0.0.1:1", get(process.baseUrl() + "/env?KAFKA_BOOTSTRAP_SERVERS"));
            assertEquals(Integer.toString(process.port()), get(process.baseUrl() + "/env?MICRONAUT_SERVER_PORT"));
            assertTrue(Files.readString(process.logFile()).contains("fake service up on " + process.port()));
        }
        assertEquals(pipeline.gatewayUrl(), pipeline.process("gateway").baseUrl());
        assertEquals("fetcher-3", pipeline.addFetcher().name());
    }

    @Test
    void renderersAreReplicasOfTheRendererJar() throws Exception {
        pipeline.startAll(List.of("renderer-1"), Duration.ofSeconds(60));
        ServiceProcess second = pipeline.addRenderer();

        assertEquals("renderer-2", second.name());
        assertEquals(
                List.of("renderer-1", "renderer-2"),
                pipeline.processes().stream().map(ServiceProcess::name).toList());
        for (ServiceProcess renderer : pipeline.processes()) {
            assertTrue(renderer.isHealthy(), renderer.name());
            String commandLine = ProcessHandle.of(renderer.pid())
                    .flatMap(p -> p.info().commandLine())
                    .orElseThrow();
            assertTrue(commandLine.contains("renderer/target/renderer-0.1.0-SNAPSHOT.jar"), commandLine);
        }
        assertEquals("renderer", ServiceNames.module("renderer-12"));
        assertEquals(12, ServiceNames.replica("renderer-12"));
        assertFalse(ServiceNames.isReplica("gateway"));
    }

    @Test
    void killLeavesThePidFileAndRestartComesBackOnTheSamePort() throws Exception {
        ServiceProcess fetcher = pipeline.start("fetcher-1");
        long firstPid = fetcher.pid();
        pipeline.kill("fetcher-1");
        assertFalse(fetcher.isAlive());
        assertFalse(fetcher.isHealthy());
        assertTrue(Files.exists(runDir.resolve("pids/fetcher-1.pid")), "a crash leaves its PID file");
        assertTrue(PidFile.of(runDir, "fetcher-1").liveProcess().isEmpty(), "a dead PID is not ours");

        pipeline.restart("fetcher-1");
        assertNotEquals(firstPid, fetcher.pid());
        assertTrue(fetcher.isHealthy());
        assertEquals(
                fetcher.pid(),
                PidFile.of(runDir, "fetcher-1").liveProcess().orElseThrow().pid());
    }

    @Test
    void stopTerminatesAndRemovesThePidFile() {
        ServiceProcess gateway = pipeline.start("gateway");
        ProcessHandle handle = ProcessHandle.of(gateway.pid()).orElseThrow();
        pipeline.stop("gateway");
        assertFalse(handle.isAlive());
        assertFalse(Files.exists(runDir.resolve("pids/gateway.pid")));
    }

    @Test
    void aPidFileOfAnotherProcessIsNotOurs() {
        PidFile pidFile = PidFile.of(runDir, "gateway");
        pidFile.write(ProcessHandle.current().pid(), pidFile.jvmMarkers());
        assertTrue(pidFile.liveProcess().isEmpty());
    }

    @Test
    void aProgramIsRecognisedByTheMarkerOnItsCommandLine() {
        Path marker = runDir.resolve("sleeper-marker");
        ChildProcess sleeper = ChildProcess.program(
                "sleeper", List.of("sh", "-c", "sleep 300", marker.toString()), marker.toString(), Map.of(), runDir);
        try {
            sleeper.start();
            assertEquals(
                    sleeper.pid(),
                    ChildProcess.running(runDir, "sleeper").orElseThrow().pid());
            PidFile.of(runDir, "sleeper").write(ProcessHandle.current().pid(), List.of(marker.toString()));
            assertTrue(ChildProcess.running(runDir, "sleeper").isEmpty(), "this JVM does not carry the marker");
        } finally {
            sleeper.stop(Duration.ofSeconds(5));
        }
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static void writeFakeServiceJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(entry));
            try (var in = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
    }
}
