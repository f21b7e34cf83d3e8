package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplecrawler.localstack.KafkaBrokerProcess;
import io.simplecrawler.localstack.PipelineProcesses;
import io.simplecrawler.localstack.ServiceProcess;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.TestSite;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker restarts mid-crawl and the job still completes with every page once. The shared
 * test broker runs inside the test JVM and cannot be restarted, so this test starts a broker JVM of
 * its own ({@link KafkaBrokerProcess}: the same Kafka classes, stopped and started again on the same
 * ports and log directory) and a pipeline of its own against it (Postgres and Redis are shared).
 */
class BrokerRestartTest {
    private static final Duration DEADLINE = Duration.ofMinutes(4);

    @Test
    void aCrawlCompletesAcrossABrokerRestart() throws IOException {
        Path runDir = Files.createTempDirectory("e2e-broker-restart");
        Path resultsDir = runDir.resolve("results");
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(runDir.resolve("broker"));
                TestSite site = TestSite.tree(8, 2).start()) {
            PipelineProcesses pipeline = PipelineProcesses.forTests(
                    PipelineProcesses.repoRoot(), runDir, Pipeline.serviceEnv(broker.bootstrapServers(), resultsDir));
            try {
                pipeline.startAll(1, DEADLINE);
                CrawlApi api = new CrawlApi(pipeline.gatewayUrl());
                UUID id = api.submit(Map.of("url", site.url("/"), "maxDepth", 2, "delayMs", 150, "concurrency", 1));
                await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> site.requestCount() >= 15);

                broker.restart();

                Map<String, Object> job = api.awaitFinished(id, DEADLINE);
                assertEquals("completed", job.get("status"), job.toString());
                Set<String> expected = site.pathsUpToDepth(2);
                assertEquals(73, expected.size());
                assertEquals(
                        expected, pagePaths(resultsDir.resolve(id.toString()).resolve("pages.jsonl")));
            } finally {
                pipeline.processes().forEach(ServiceProcess::kill);
            }
        }
    }

    private static Set<String> pagePaths(Path pagesFile) throws IOException {
        var lines = Files.readAllLines(pagesFile);
        Set<String> paths = lines.stream()
                .map(line -> EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class))
                .map(page -> URI.create(page.url()).getRawPath())
                .collect(Collectors.toSet());
        assertEquals(lines.size(), paths.size(), "each page once in pages.jsonl");
        return paths;
    }
}
