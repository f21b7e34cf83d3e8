package io.simplecrawler.broker;

import io.simplecrawler.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics if they are missing. Every service calls it at start-up, so
 * whichever starts first creates them; a topic that exists is left as it is.
 */
public final class TopicCreator {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {}

    /**
     * @param bootstrapServers the Kafka bootstrap servers
     * @param settings         looks up a setting by name (e.g. {@code System::getenv}); a
     *                         missing partition count falls back to the topic's default
     */
    public static void createMissing(String bootstrapServers, Function<String, String> settings) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec ->
                            new NewTopic(spec.name(), partitions(spec, settings), (short) 1).configs(configs(spec)))
                    .toList();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get();
                    LOG.info("Created topic {}", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list topics at " + bootstrapServers, e.getCause());
        }
    }

    private static Map<String, String> configs(Topics.TopicSpec spec) {
        return spec.compacted()
                ? Map.of("compression.type", "producer", "cleanup.policy", "compact")
                : Map.of("compression.type", "producer");
    }

    private static int partitions(Topics.TopicSpec spec, Function<String, String> settings) {
        String value = settings.apply(spec.partitionsVariable());
        return value == null || value.isBlank() ? spec.defaultPartitions() : Integer.parseInt(value.trim());
    }
}
