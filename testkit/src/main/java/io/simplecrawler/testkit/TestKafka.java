package io.simplecrawler.testkit;

import io.simplecrawler.localstack.KafkaSettings;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.server.common.MetadataVersion;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One Kafka broker per JVM for tests, started on first use and stopped by a shutdown hook.
 *
 * <p>With a Docker engine that already holds the {@code apache/kafka} image it is a Testcontainers
 * container; otherwise it is an in-JVM single-node KRaft cluster ({@link KafkaClusterTestKit}). An
 * engine without the image never makes the fixture pull: with no registry a pull waits for minutes.
 * {@code SIMPLECRAWLER_TEST_KAFKA=in-jvm} forces the in-JVM broker. Callers see no difference.
 */
public final class TestKafka {
    static final String IMAGE = "apache/kafka:4.3.1";

    private TestKafka() {}

    /** The bootstrap servers of the shared test broker, e.g. {@code 127.0.0.1:40123}. */
    public static String bootstrapServers() {
        return Holder.BOOTSTRAP_SERVERS;
    }

    private static final class Holder {
        static final String BOOTSTRAP_SERVERS = start();
    }

    private static String start() {
        boolean container = !"in-jvm".equals(System.getenv("SIMPLECRAWLER_TEST_KAFKA")) && imageOnEngine();
        System.err.println("test Kafka broker: "
                + (container ? "container " + IMAGE : "in-JVM (no Docker engine holding " + IMAGE + ")"));
        return container ? startContainer() : startInJvm();
    }

    /**
     * Asks the engine through the docker command, not through Testcontainers: its probe starts the
     * Ryuk container first, which an engine without a registry cannot pull (the probe then waits
     * for minutes). Ryuk stays off for the container too (testcontainers.properties); the shutdown
     * hook stops it.
     */
    private static boolean imageOnEngine() {
        try {
            Process inspect = new ProcessBuilder("docker", "image", "inspect", IMAGE)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!inspect.waitFor(15, TimeUnit.SECONDS)) {
                inspect.destroyForcibly();
                return false;
            }
            return inspect.exitValue() == 0;
        } catch (IOException e) {
            return false; // no docker command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer(IMAGE).withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-kafka-stop"));
        return container.getBootstrapServers();
    }

    private static String startInJvm() {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // the kit defaults to the newest, possibly unreleased, metadata version
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build());
            KafkaSettings.singleNode().forEach(builder::setConfigProp);
            // the kit's default is localhost, which may resolve to ::1 first on some machines
            builder.setConfigProp("listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0");
            // A broker that meets a fatal error (e.g. while the JVM shuts down around it) calls
            // Exit.halt; in a test JVM that would kill the test run with no report, so log instead.
            Exit.setHaltProcedure((status, message) ->
                    System.err.println("in-JVM Kafka broker asked to halt (" + status + "): " + message));
            Exit.setExitProcedure((status, message) ->
                    System.err.println("in-JVM Kafka broker asked to exit (" + status + "): " + message));
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(cluster), "test-kafka-stop"));
            return cluster.bootstrapServers().replace("localhost:", "127.0.0.1:");
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-JVM Kafka broker", e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            // the JVM is exiting; a broker that fails to close leaves only temp files behind
        }
    }
}
