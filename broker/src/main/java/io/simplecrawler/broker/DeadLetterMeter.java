package io.simplecrawler.broker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.simplecrawler.faults.DeadLetters;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Counts the dead letters a service sends, as {@code simplecrawler_dlq_records_total{topic,
 * reason}}: {@code topic} is where the failed record came from, {@code reason} the bounded class
 * of {@link DeadLetters#reasonClass}, never the reason's text.
 */
@Singleton
public class DeadLetterMeter {
    private final MeterRegistry meters;

    public DeadLetterMeter(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counts {@code letter}, a record made by {@link DeadLetters#of}. */
    public void count(ProducerRecord<String, byte[]> letter) {
        DeadLetter read = EventJson.read(letter.value(), DeadLetter.class);
        Counter.builder("simplecrawler.dlq.records")
                .description("Records sent to crawl.fetch.dlq, by the topic they came from and a class of the reason")
                .tag("topic", String.valueOf(read.topic()))
                .tag("reason", DeadLetters.reasonClass(read.reason()))
                .register(meters)
                .increment();
    }
}
