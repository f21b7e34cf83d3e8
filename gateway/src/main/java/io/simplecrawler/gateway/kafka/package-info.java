/** The gateway's side of Kafka: the producer of job commands and topic creation at start-up. */
package io.simplecrawler.gateway.kafka;
