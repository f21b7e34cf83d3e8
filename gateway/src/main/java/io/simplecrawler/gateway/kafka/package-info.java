/**
 * The gateway's side of Kafka: the producer of job commands and topic creation at start-up
 * ({@link io.simplecrawler.gateway.kafka.PipelineTopics}).
 */
package io.simplecrawler.gateway.kafka;
