package io.simplecrawler.settlement;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.simplecrawler.broker.DeadLetterMeter;
import io.simplecrawler.broker.SchemaHeaders;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The {@link SettlementPublisher} of a service that settles tasks (a fetcher, a renderer). */
@Factory
class SettlementPublisherFactory {

    @Singleton
    SettlementPublisher settlementPublisher(
            @KafkaClient(
                            value = "settlement",
                            acks = KafkaClient.Acknowledge.ALL,
                            properties = {
                                @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"),
                                @Property(name = ProducerConfig.COMPRESSION_TYPE_CONFIG, value = "lz4"),
                                @Property(name = ProducerConfig.LINGER_MS_CONFIG, value = "10"),
                                @Property(
                                        name = ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
                                        value = SchemaHeaders.CONFIG),
                                // page records are 10-100 KB: the default 16 KB batch would send each one alone
                                @Property(name = ProducerConfig.BATCH_SIZE_CONFIG, value = "262144")
                            })
                    Producer<String, byte[]> producer,
            DeadLetterMeter deadLetters) {
        return new SettlementPublisher(producer, deadLetters);
    }
}
