package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.localstack.KafkaBrokerProcess;
import io.simplecrawler.localstack.PipelineProcesses;
import io.simplecrawler.localstack.ServiceProcess;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard across the pipeline: a pipeline of its own that may reach 127.0.0.2 only, and a
 * "secret" site on 127.0.0.1 standing for an internal service, whose request log must stay empty.
 * Its pipeline has a broker of its own too: on the shared one its services would join the shared
 * pipeline's consumer groups, and that pipeline (which may reach 127.0.0.1) would fetch its tasks.
 */
class NetworkGuardTest {
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @Test
    void aSeedNameResolvingToADeniedAddressFailsTheJobAndADeniedLinkIsBlocked() throws IOException {
        Path runDir = Files.createTempDirectory("e2e-network-guard");
        Path resultsDir = runDir.resolve("results");
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(runDir.resolve("broker"));
                TestSite secret = TestSite.tree(1, 1).start();
                TestSite site = TestSite.tree(1, 1)
                        .address("127.0.0.2")
                        .resource(
                                "/",
                                200,
                                "text/html",
                                "<html><body><a href=\"" + secret.url("/secret") + "\">in</a></body></html>")
                        .start()) {
            Map<String, String> env = new HashMap<>(Pipeline.serviceEnv(broker.bootstrapServers(), resultsDir));
            env.put("SIMPLECRAWLER_ALLOWED_NETWORKS", "127.0.0.2/32");
            PipelineProcesses pipeline = PipelineProcesses.forTests(PipelineProcesses.repoRoot(), runDir, env);
            try {
                pipeline.startAll(1, DEADLINE);
                CrawlApi api = new CrawlApi(pipeline.gatewayUrl());
                UUID deniedSeed = api.submit(Map.of("url", "http://localhost:" + secret.port() + "/"));
                UUID linking = api.submit(Map.of("url", site.url("/"), "maxDepth", 1, "allowExternalLinks", true));

                Map<String, Object> failed = api.awaitFinished(deniedSeed, DEADLINE);
                assertEquals("failed", failed.get("status"), failed.toString());
                String error = String.valueOf(failed.get("error"));
                assertTrue(
                        error.contains("SSRF guard")
                                && error.contains(
                                        "localhost resolves to 127.0.0.1: address 127.0.0.1 is in the loopback network"),
                        error);

                Map<String, Object> completed = api.awaitFinished(linking, DEADLINE);
                assertEquals("completed", completed.get("status"), completed.toString());
                PageRecord link = pages(resultsDir.resolve(linking.toString()).resolve("pages.jsonl"))
                        .get(secret.url("/secret"));
                assertEquals(FetchOutcome.BLOCKED, link.outcome());
                assertTrue(link.error().contains("SSRF guard"), link.error());
                assertEquals(0, secret.requestCount(), "the internal site was never asked for anything");
            } finally {
                pipeline.processes().forEach(ServiceProcess::kill);
            }
        }
    }

    private static Map<String, PageRecord> pages(Path pagesFile) throws IOException {
        return Files.readAllLines(pagesFile).stream()
                .map(line -> EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class))
                .collect(Collectors.toMap(PageRecord::url, Function.identity()));
    }
}
