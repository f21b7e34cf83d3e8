package io.simplecrawler.analytics.query;

import io.simplecrawler.analytics.stats.PageTally;
import io.simplecrawler.analytics.stream.AnalyticsStreams;
import io.simplecrawler.analytics.stream.AnalyticsTopology;
import io.simplecrawler.schemas.PageStats;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries of the statistics stores. Any instance answers: a job's statistics come
 * from the instance whose task holds the job's partition (Streams' metadata), the host ranking
 * from every instance that holds a part of the host store, merged. While the group rebalances, a
 * task is restored, or an instance asked does not answer, the answer is 503 (an
 * InvalidStateStoreException or an HTTP client error), never a partial or empty one.
 */
@Singleton
class StatsQueries {
    private final AnalyticsStreams streams;
    private final PeerClient peers;

    StatsQueries(AnalyticsStreams streams, PeerClient peers) {
        this.streams = streams;
        this.peers = peers;
    }

    Optional<PageStats> jobStats(UUID job) {
        KeyQueryMetadata owner = streams.owner(AnalyticsTopology.JOB_STATS, job.toString());
        return owner.activeHost().equals(streams.self())
                ? jobStatsIn(owner.partition(), job)
                : peers.jobStats(owner.activeHost(), job);
    }

    /** From this instance's store; 503 when the job's partition is not (or not yet) this instance's. */
    Optional<PageStats> localJobStats(UUID job) {
        return jobStatsIn(
                streams.owner(AnalyticsTopology.JOB_STATS, job.toString()).partition(), job);
    }

    private Optional<PageStats> jobStatsIn(int partition, UUID job) {
        ReadOnlyKeyValueStore<String, PageTally> store = streams.store(AnalyticsTopology.JOB_STATS, partition);
        return Optional.ofNullable(store.get(job.toString())).map(tally -> tally.stats(null, job));
    }

    HostRanking topHosts(int top) {
        List<PageStats> all = new ArrayList<>();
        for (StreamsMetadata holder : streams.holders(AnalyticsTopology.HOST_STATS)) {
            HostInfo host = holder.hostInfo();
            all.addAll(
                    host.equals(streams.self())
                            ? localTopHosts(top).hosts()
                            : peers.topHosts(host, top).hosts());
        }
        return HostRanking.of(all.stream(), top);
    }

    /**
     * This instance's top hosts: each host is counted in one task, so the global top is among the
     * instances' tops. Every partition the group gave this instance is read, or none: a partition
     * still being restored (after a rebalance) makes the answer 503 rather than silently short.
     */
    HostRanking localTopHosts(int top) {
        List<PageStats> hosts = new ArrayList<>();
        for (int partition : streams.localPartitions(AnalyticsTopology.HOST_STATS)) {
            ReadOnlyKeyValueStore<String, PageTally> store = streams.store(AnalyticsTopology.HOST_STATS, partition);
            try (KeyValueIterator<String, PageTally> all = store.all()) {
                all.forEachRemaining(entry -> hosts.add(entry.value.stats(entry.key, null)));
            }
        }
        return HostRanking.of(hosts.stream(), top);
    }
}
