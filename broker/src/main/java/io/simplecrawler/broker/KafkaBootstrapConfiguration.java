package io.simplecrawler.broker;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * The broker, for the clients a service makes itself (topic creation, the frontier's Kafka
 * Streams, the fetcher's consumer loop, the gateway's consumer lag): the same
 * {@code kafka.bootstrap.servers} micronaut-kafka's producers and listeners use. Validated when
 * first taken, which {@link PipelineTopics} does at start-up wherever Kafka is enabled.
 *
 * @param servers host:port pairs, comma-separated
 */
@ConfigurationProperties("kafka.bootstrap")
public record KafkaBootstrapConfiguration(@NotBlank String servers) {}
