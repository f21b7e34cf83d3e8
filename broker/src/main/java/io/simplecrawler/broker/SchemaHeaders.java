package io.simplecrawler.broker;

import io.simplecrawler.schemas.RecordTypes;
import io.simplecrawler.schemas.SchemaIdentity;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Gives every record a producer sends the header {@code simplecrawler-schema} naming the schema of
 * its value ({@code page-record/2}), so that the services set it in one place, their producer's
 * configuration ({@link #CONFIG}), and no send call can forget it. A value the topic's schemas do
 * not know (a malformed command, a topic outside the pipeline) is sent without one.
 */
public class SchemaHeaders implements ProducerInterceptor<Object, Object> {
    /** The value of a producer's {@code interceptor.classes} that adds the header. */
    public static final String CONFIG = "io.simplecrawler.broker.SchemaHeaders";

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (record.value() instanceof byte[] value && record.headers().lastHeader(SchemaIdentity.HEADER) == null) {
            RecordTypes.of(record.topic(), value).ifPresent(type -> record.headers()
                    .add(
                            SchemaIdentity.HEADER,
                            SchemaIdentity.of(type).headerValue().getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
