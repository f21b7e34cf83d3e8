package io.simplecrawler.gateway.ops;

import io.simplecrawler.broker.KafkaBootstrapConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How far the pipeline's consumer groups are behind the end of the topics they read. */
@Singleton
public class ConsumerLag {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);
    /** The groups whose lag is the pipeline's work still to do: a job's pages wait in them. */
    private static final List<String> PIPELINE_GROUPS = List.of("frontier", "fetcher", "renderer", "exporter");
    /**
     * Also measured per partition, for the metrics, but not the pipeline's work: the analytics
     * (its default application id), a downstream consumer of crawl.pages.
     */
    private static final List<String> GROUPS =
            Stream.concat(PIPELINE_GROUPS.stream(), Stream.of("analytics")).toList();

    private static final long TIMEOUT_MS = 3_000;

    private final Admin admin;

    ConsumerLag(KafkaBootstrapConfiguration kafka) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.servers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        this.admin = Admin.create(props);
    }

    /** One group's lag on one partition: records after its committed offset. */
    public record PartitionLag(String group, TopicPartition partition, long records) {}

    /** Lag summed per topic over the pipeline's groups; empty when Kafka does not answer in time. */
    public Map<String, Long> perTopic() {
        Map<String, Long> lag = new TreeMap<>();
        perPartition().stream()
                .filter(row -> PIPELINE_GROUPS.contains(row.group()))
                .forEach(row -> lag.merge(row.partition().topic(), row.records(), Long::sum));
        return lag;
    }

    /** Lag per group and partition, of the partitions each group has committed; empty when Kafka does not answer in time. */
    public List<PartitionLag> perPartition() {
        try {
            List<PartitionLag> lag = new ArrayList<>();
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                committed.forEach((tp, offset) -> {
                    if (offset != null && ends.containsKey(tp)) {
                        lag.add(new PartitionLag(
                                group, tp, Math.max(0, ends.get(tp).offset() - offset.offset())));
                    }
                });
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Consumer lag unavailable: {}", e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
