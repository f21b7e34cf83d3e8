/**
 * The gateway's side of Kafka: the producer of job commands. Topic creation and the broker
 * address are the {@code broker} module's.
 */
package io.simplecrawler.gateway.kafka;
