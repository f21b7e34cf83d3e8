package io.simplecrawler.gateway.kafka;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.simplecrawler.schemas.Topics;

/** Publishes job commands; returns once Kafka acknowledged the record (acks=all). */
@KafkaClient(id = "job-commands", acks = KafkaClient.Acknowledge.ALL)
public interface JobCommandClient {

    @Topic(Topics.JOBS)
    void send(@KafkaKey String jobId, byte[] command);
}
