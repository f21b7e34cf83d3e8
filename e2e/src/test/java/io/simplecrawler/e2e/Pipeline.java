package io.simplecrawler.e2e;

import io.simplecrawler.localstack.PipelineProcesses;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TestPostgres;
import io.simplecrawler.testkit.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole pipeline, once per test JVM: a real broker, Postgres and Redis from the test kit,
 * and the four service jars as separate processes (one fetcher unless a test adds more).
 * The processes are killed when the JVM exits.
 */
final class Pipeline {
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);

    private Pipeline() {}

    static PipelineProcesses processes() {
        return Holder.PROCESSES;
    }

    static CrawlApi api() {
        return Holder.API;
    }

    static Path resultsDir() {
        return Holder.RESULTS_DIR;
    }

    /** What every service of a test pipeline gets: a fresh database, the shared Redis, this broker and results folder. */
    static Map<String, String> serviceEnv(String bootstrapServers, Path resultsDir) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "POSTGRES_URL", TestPostgres.newDatabase(),
                "POSTGRES_USER", TestPostgres.username(),
                "POSTGRES_PASSWORD", TestPostgres.password(),
                "REDIS_URL", TestRedis.uri(),
                "RESULTS_DIR", resultsDir.toString(),
                // MixedSiteTest's largest job
                "SIMPLECRAWLER_MAX_PAGES_LIMIT", "2000");
    }

    /** The job's page records as the exporter wrote them to pages.jsonl. */
    static List<PageRecord> pages(UUID id) throws IOException {
        return Files.readAllLines(resultsDir().resolve(id.toString()).resolve("pages.jsonl")).stream()
                .map(line -> EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class))
                .toList();
    }

    private static final class Holder {
        static final Path RUN_DIR = tempDir("e2e-run");
        static final Path RESULTS_DIR = RUN_DIR.resolve("results");
        static final PipelineProcesses PROCESSES = start();
        static final CrawlApi API = new CrawlApi(PROCESSES.gatewayUrl());

        private static PipelineProcesses start() {
            PipelineProcesses processes = PipelineProcesses.forTests(
                    PipelineProcesses.repoRoot(), RUN_DIR, serviceEnv(TestKafka.bootstrapServers(), RESULTS_DIR));
            if (!processes.missingJars().isEmpty()) {
                throw new IllegalStateException(
                        "Service jars missing (run mvn verify at the root): " + processes.missingJars());
            }
            processes.startAll(1, HEALTHY_WITHIN);
            return processes;
        }

        private static Path tempDir(String prefix) {
            try {
                return Files.createTempDirectory(prefix);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
