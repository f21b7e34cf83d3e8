/**
 * The pipeline's Kafka broker as every service meets it: where it is
 * ({@link io.simplecrawler.broker.KafkaBootstrapConfiguration}, {@code kafka.bootstrap.servers})
 * and its topics made to exist at start-up ({@link io.simplecrawler.broker.PipelineTopics}, calling
 * {@link io.simplecrawler.broker.TopicCreator}) with the partition counts of
 * {@code schemas.Topics}; the header naming each record's schema, which every producer adds with
 * {@link io.simplecrawler.broker.SchemaHeaders}; and the count of the dead letters a service sends there
 * ({@link io.simplecrawler.broker.DeadLetterMeter}). Which topics there are, and what they carry, is the contract's
 * ({@code schemas}); creating them is behaviour, so it lives here.
 */
package io.simplecrawler.broker;
