package io.simplecrawler.frontier.stream;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.simplecrawler.broker.DeadLetterMeter;
import io.simplecrawler.broker.KafkaBootstrapConfiguration;
import io.simplecrawler.broker.PipelineTopics;
import io.simplecrawler.broker.SchemaHeaders;
import io.simplecrawler.faults.RetryBackoff;
import io.simplecrawler.frontier.FrontierConfiguration;
import io.simplecrawler.frontier.crawl.CrawlFrontier;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/** Runs the frontier topology for the life of the application, once the topics exist ({@link PipelineTopics}). */
@Context
@Requires(property = "kafka.enabled", notEquals = "false")
public class FrontierStreams {
    private final KafkaStreams streams;
    private final StoreRetry retry;
    private final ThreadReplacement replacement =
            new ThreadReplacement(new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));

    FrontierStreams(
            PipelineTopics topics,
            CrawlFrontier frontier,
            StoreRetry retry,
            DeadLetterMeter deadLetters,
            KafkaBootstrapConfiguration kafka,
            FrontierConfiguration configuration) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "frontier");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.servers());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, configuration.streamThreads());
        // Offsets are committed after the outputs are flushed (at-least-once); a short interval
        // keeps the window of replayed records small after a crash.
        props.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                configuration.commitInterval().toMillis());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        props.put(
                StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG), SchemaHeaders.class.getName());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // links records come one per fetched page: gather up to 10 ms of them per fetch request
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 65_536);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 10);
        // A replica that died holds its partitions until its session expires: 10 s rather than 45 s
        // of standstill after a crash, at the cost of a heartbeat every 3 s.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        this.retry = retry;
        this.streams = new KafkaStreams(FrontierTopology.build(frontier, retry, deadLetters), props);
        streams.setUncaughtExceptionHandler(replacement);
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** True while records wait for Redis or a failed stream thread waits to be replaced: the crawls do not progress. */
    public boolean stalled() {
        return retry.stalled() || replacement.replacing();
    }

    @PreDestroy
    void close() {
        retry.stop();
        streams.close(Duration.ofSeconds(10));
    }
}
