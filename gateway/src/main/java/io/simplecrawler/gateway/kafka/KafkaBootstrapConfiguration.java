package io.simplecrawler.gateway.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotBlank;

/**
 * The broker, for the gateway's own admin clients (topic creation, consumer lag): the same
 * {@code kafka.bootstrap.servers} micronaut-kafka's producers and consumers use.
 *
 * @param servers host:port pairs, comma-separated
 */
@Context
@ConfigurationProperties("kafka.bootstrap")
public record KafkaBootstrapConfiguration(@NotBlank String servers) {}
