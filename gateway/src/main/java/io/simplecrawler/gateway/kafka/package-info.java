/**
 * The gateway's side of Kafka: the producer of job commands, topic creation at start-up, and the
 * broker address the gateway's admin clients use.
 */
package io.simplecrawler.gateway.kafka;
