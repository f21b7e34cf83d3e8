package io.simplecrawler.localstack;

import java.util.Map;

/** Broker settings shared by the test broker and the local stack's broker. */
public final class KafkaSettings {
    private KafkaSettings() {}

    /**
     * Internal topics default to replication factor 3, which one broker can't satisfy; fewer
     * offsets partitions and no initial rebalance delay make the first consumer group join fast.
     */
    public static Map<String, String> singleNode() {
        return Map.of(
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "4",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                "min.insync.replicas", "1",
                "group.initial.rebalance.delay.ms", "0");
    }
}
