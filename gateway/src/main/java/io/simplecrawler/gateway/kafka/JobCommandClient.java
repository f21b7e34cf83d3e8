package io.simplecrawler.gateway.kafka;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.simplecrawler.broker.SchemaHeaders;
import io.simplecrawler.schemas.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Publishes job commands; returns once Kafka acknowledged the record (acks=all). */
@KafkaClient(
        id = "job-commands",
        acks = KafkaClient.Acknowledge.ALL,
        properties = @Property(name = ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, value = SchemaHeaders.CONFIG))
public interface JobCommandClient {

    @Topic(Topics.JOBS)
    void send(@KafkaKey String jobId, byte[] command);
}
