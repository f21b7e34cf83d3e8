package io.simplecrawler.frontier.stream;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.simplecrawler.broker.DeadLetterMeter;
import io.simplecrawler.broker.KafkaBootstrapConfiguration;
import io.simplecrawler.broker.PipelineTopics;
import io.simplecrawler.faults.RetryBackoff;
import io.simplecrawler.frontier.FrontierConfiguration;
import io.simplecrawler.frontier.crawl.CrawlFrontier;
import io.simplecrawler.streams.StreamsSettings;
import io.simplecrawler.streams.ThreadReplacement;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
        // Offsets are committed after the outputs are flushed (at-least-once); a short interval
        // keeps the window of replayed records small after a crash.
        Properties props = StreamsSettings.of(
                "frontier",
                kafka.servers(),
                configuration.streamThreads(),
                configuration.commitInterval(),
                StreamsConfig.AT_LEAST_ONCE);
        // links records come one per fetched page: gather up to 10 ms of them per fetch request
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 65_536);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 10);
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
