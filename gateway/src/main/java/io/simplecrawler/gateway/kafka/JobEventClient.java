package io.simplecrawler.gateway.kafka;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.simplecrawler.schemas.Topics;

/** Publishes the job events the gateway decides (a cancellation); returns once acknowledged. */
@KafkaClient(id = "job-events", acks = KafkaClient.Acknowledge.ALL)
public interface JobEventClient {

    @Topic(Topics.EVENTS)
    void send(@KafkaKey String jobId, byte[] event);
}
