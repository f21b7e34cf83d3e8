package io.simplecrawler.streams;

import io.simplecrawler.broker.SchemaHeaders;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings every Streams application of the pipeline shares. */
public final class StreamsSettings {
    private StreamsSettings() {}

    /**
     * @param guarantee {@link StreamsConfig#AT_LEAST_ONCE} or {@link StreamsConfig#EXACTLY_ONCE_V2}
     * @param commitInterval how often offsets (and, exactly once, the transaction) are committed,
     *     always after the outputs are flushed: short, so that few records are replayed or held back
     */
    public static Properties of(
            String applicationId, String bootstrapServers, int threads, Duration commitInterval, String guarantee) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(
                StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG), SchemaHeaders.class.getName());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // A replica that died holds its partitions until its session expires: 10 s rather than 45 s
        // of standstill after a crash, at the cost of a heartbeat every 3 s.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        return props;
    }
}
