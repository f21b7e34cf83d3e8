package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.localstack.FreePorts;
import io.simplecrawler.localstack.PipelineProcesses;
import io.simplecrawler.testkit.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The local stack as {@code make run} starts it, nginx in front, on free ports, with a Kafka broker
 * and a Redis of its own (so the other e2e tests' services, which share this JVM's broker, can't
 * take its records) and a database of the test Postgres; one fetcher and no renderer unless
 * {@code settings} ask for some.
 *
 * @param work    the stack's folder: {@code run/} (results, logs) and {@code backups/}
 * @param make    the Makefile's targets with the stack's settings
 * @param api     nginx's URL, where clients go
 * @param gateway the gateway's own URL, behind nginx
 * @param kafka   the stack's broker
 */
record MakeRunStack(Path work, MakeTargets make, int httpPort, String api, String gateway, String kafka)
        implements AutoCloseable {

    /** Whether nginx is installed (on the PATH or in /usr/sbin). */
    static boolean nginxInstalled() {
        return Programs.which("nginx").isPresent();
    }

    /** Starts the stack with {@code settings} added to its environment (e.g. SIMPLECRAWLER_API_KEYS). */
    static MakeRunStack start(String name, Map<String, String> settings) {
        try {
            Path work = Files.createTempDirectory(name);
            int httpPort = FreePorts.next();
            int gatewayPort = FreePorts.next();
            String kafka = "127.0.0.1:" + FreePorts.next();
            Map<String, String> env = new HashMap<>();
            env.put("STACK", "local");
            env.put("SKIP_BUILD", "1");
            env.put("RUN_DIR", work.resolve("run").toString());
            env.put("BACKUP_DIR", work.resolve("backups").toString());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("KAFKA_CONTROLLER_PORT", Integer.toString(FreePorts.next()));
            env.put("POSTGRES_URL", TestPostgres.newDatabase());
            env.put("POSTGRES_USER", TestPostgres.username());
            env.put("POSTGRES_PASSWORD", TestPostgres.password());
            env.put("REDIS_URL", "redis://127.0.0.1:" + FreePorts.next());
            env.put("HTTP_PORT", Integer.toString(httpPort));
            env.put("GATEWAY_PORT", Integer.toString(gatewayPort));
            env.put("FRONTIER_PORT", Integer.toString(FreePorts.next()));
            env.put("EXPORTER_PORT", Integer.toString(FreePorts.next()));
            env.put("ANALYTICS_PORT", Integer.toString(FreePorts.next()));
            env.put("FETCHER_PORT", Integer.toString(threeFreePorts()));
            env.put("FETCHERS", "1");
            // a test that renders asks for renderers (RENDERERS) on ports of its own (RENDERER_PORT)
            env.put("RENDERERS", "0");
            env.putAll(settings);
            MakeTargets make = new MakeTargets(PipelineProcesses.repoRoot(), env);
            String api = "http://127.0.0.1:" + httpPort;
            MakeRunStack stack = new MakeRunStack(work, make, httpPort, api, "http://127.0.0.1:" + gatewayPort, kafka);

            try {
                String started = make.run(6, "run");
                assertTrue(started.contains("SimpleCrawler API: " + api), started);
                assertTrue(started.contains("nginx started"), started);
            } catch (AssertionError e) {
                stack.close(); // what did start is stopped
                throw e;
            }
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code make stop}. */
    @Override
    public void close() {
        make.run(3, "stop");
    }

    /** The first of three consecutive free ports, for fetcher-1 to fetcher-3. */
    private static int threeFreePorts() {
        while (true) {
            int first = FreePorts.next();
            if (first < 65533 && !FreePorts.inUse(first + 1) && !FreePorts.inUse(first + 2)) {
                return first;
            }
        }
    }
}
