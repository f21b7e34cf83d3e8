package io.simplecrawler.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A single-node KRaft broker in a JVM of its own (the local stack's {@code kafka.Kafka} from this
 * JVM's classpath), for tests that take the broker away and bring it back: {@link #restart()}
 * starts it again on the same ports with the same log directory, as a broker restart in
 * production does. The test kit's in-JVM broker ({@code io.simplecrawler.testkit.TestKafka})
 * cannot be restarted, so tests that need this start one of these and point their own services at it.
 *
 * <pre>{@code
 * try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(runDir)) {
 *     ... env KAFKA_BOOTSTRAP_SERVERS = broker.bootstrapServers() ...
 *     broker.restart();
 * }
 * }</pre>
 */
public final class KafkaBrokerProcess implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LocalKafka kafka;
    private final String bootstrapServers;
    private ChildProcess process;

    private KafkaBrokerProcess(LocalKafka kafka, String bootstrapServers) {
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats a new log directory under {@code runDir}, starts the broker on free ports and waits until it answers. */
    public static KafkaBrokerProcess start(Path runDir) {
        String bootstrapServers = "127.0.0.1:" + FreePorts.next();
        Map<String, String> env = Map.of(
                "RUN_DIR", runDir.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "KAFKA_CONTROLLER_PORT", Integer.toString(FreePorts.next()));
        LocalSettings settings = LocalSettings.from(PipelineProcesses.repoRoot(), env::get);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(
                new LocalKafka(settings, System.getProperty("java.class.path")), bootstrapServers);
        broker.process = broker.kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::kill, "kafka-broker-process-stop"));
        return broker;
    }

    /** e.g. {@code 127.0.0.1:40123}; the same across restarts. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker (SIGTERM, SIGKILL if it lingers), starts it again on the same ports and log directory, and waits until it answers. */
    public void restart() {
        process.stop(STOP_GRACE);
        process = kafka.start();
    }

    /** SIGKILL, as in a crash. */
    public void kill() {
        process.kill();
    }

    /** Starts the broker again after {@link #kill()}, on the same ports and log directory, and waits until it answers. */
    public void startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException("the broker still runs");
        }
        process = kafka.start();
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
