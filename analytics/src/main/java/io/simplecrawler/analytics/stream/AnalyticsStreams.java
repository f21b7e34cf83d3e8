package io.simplecrawler.analytics.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.simplecrawler.analytics.AnalyticsConfiguration;
import io.simplecrawler.broker.KafkaBootstrapConfiguration;
import io.simplecrawler.broker.PipelineTopics;
import io.simplecrawler.faults.RetryBackoff;
import io.simplecrawler.streams.StreamsSettings;
import io.simplecrawler.streams.ThreadReplacement;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the analytics topology exactly once (EOS v2: the statistics, the dedup store and the
 * consumed offsets commit in one transaction) for the life of the application. It starts once the
 * HTTP server listens, since other instances find this one by its host and port (Streams'
 * application.server) to ask for the keys it holds.
 */
@Singleton
@Requires(property = "kafka.enabled", notEquals = "false")
public class AnalyticsStreams {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsStreams.class);

    private final AnalyticsConfiguration configuration;
    private final KafkaBootstrapConfiguration kafka;
    private final MeterRegistry meters;
    private final ThreadReplacement replacement =
            new ThreadReplacement(new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));
    private volatile KafkaStreams streams;
    private volatile HostInfo self;

    AnalyticsStreams(
            PipelineTopics topics,
            AnalyticsConfiguration configuration,
            KafkaBootstrapConfiguration kafka,
            MeterRegistry meters) {
        this.configuration = configuration;
        this.kafka = kafka;
        this.meters = meters;
    }

    @EventListener
    synchronized void onStartup(ServerStartupEvent event) {
        if (streams != null) {
            return;
        }
        int port = event.getSource().getPort();
        self = new HostInfo(advertisedHost(), port);
        Properties props = StreamsSettings.of(
                configuration.applicationId(),
                kafka.servers(),
                configuration.streamThreads(),
                configuration.commitInterval(),
                StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(port));
        streams = new KafkaStreams(AnalyticsTopology.build(configuration.dedupRetention(), meters), props);
        streams.setUncaughtExceptionHandler(replacement);
        streams.start();
        LOG.info("Analytics streams started as {}:{}", self.host(), self.port());
    }

    /** The state, or CREATED before the server has started. */
    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.CREATED : running.state();
    }

    /** True while a failed stream thread waits to be replaced. */
    public boolean replacingThread() {
        return replacement.replacing();
    }

    /** This instance, as the others see it. */
    public HostInfo self() {
        return self;
    }

    /**
     * The store of one partition, from this instance's active task for it.
     *
     * @throws InvalidStateStoreException when this instance does not run that task now (another
     *     instance holds it, or it is still being restored after a rebalance)
     */
    public <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return running()
                .store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                        .withPartition(partition));
    }

    /**
     * Which instance holds a key of a store, and in which partition.
     *
     * @throws InvalidStateStoreException while no instance is known to hold it (start-up, rebalance)
     */
    public KeyQueryMetadata owner(String store, String key) {
        KeyQueryMetadata owner =
                running().queryMetadataForKey(store, key, Serdes.String().serializer());
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner) || owner.activeHost() == null) {
            throw new InvalidStateStoreException("no instance holds " + store + " now (starting or rebalancing)");
        }
        return owner;
    }

    /**
     * Every instance that holds a part of a store.
     *
     * @throws InvalidStateStoreException while none is known to (start-up, rebalance)
     */
    public Collection<StreamsMetadata> holders(String store) {
        Collection<StreamsMetadata> holders = running().streamsMetadataForStore(store);
        if (holders.isEmpty()) {
            throw new InvalidStateStoreException("no instance holds " + store + " now (starting or rebalancing)");
        }
        return holders;
    }

    /** The partitions of a store whose active tasks the group gave this instance. */
    public Set<Integer> localPartitions(String store) {
        return holders(store).stream()
                .filter(holder -> holder.hostInfo().equals(self))
                .flatMap(holder -> holder.topicPartitions().stream())
                .map(TopicPartition::partition)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private KafkaStreams running() {
        KafkaStreams running = streams;
        if (running == null) {
            throw new InvalidStateStoreException("the analytics streams have not started yet");
        }
        return running;
    }

    private String advertisedHost() {
        String host = configuration.advertisedHost();
        if (host != null && !host.isBlank()) {
            return host.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private String stateDir(int port) {
        String dir = configuration.stateDir();
        return dir != null && !dir.isBlank()
                ? dir
                : Path.of(System.getProperty("java.io.tmpdir"), "simplecrawler-analytics-" + port)
                        .toString();
    }

    @PreDestroy
    void close() {
        KafkaStreams running = streams;
        if (running != null) {
            running.close(Duration.ofSeconds(10));
        }
    }
}
