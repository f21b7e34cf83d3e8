package io.simplecrawler.gateway.webhook;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes job events to the test broker, as the exporter would. */
public final class JobEvents {
    private JobEvents() {}

    public static void publish(JobEvent... events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (JobEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, event.jobId().toString(), EventJson.write(event)));
            }
        }
    }
}
