package io.simplecrawler.exporter.kafka;

import io.simplecrawler.faults.DeadLetters;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.MalformedEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A consumed batch split into the events that could be read and the dead letters of the
 * records that could not: unparseable JSON, or an event that fails the caller's check.
 *
 * @param events      the readable events, in consumption order
 * @param deadLetters one dead letter per unreadable record
 */
public record ParsedBatch<T>(List<Consumed<T>> events, List<ProducerRecord<String, byte[]>> deadLetters) {
    private static final Logger LOG = LoggerFactory.getLogger(ParsedBatch.class);

    /**
     * @param problem what is wrong with a parsed event that makes it unusable, if anything
     */
    public static <T> ParsedBatch<T> parse(
            List<ConsumerRecord<String, byte[]>> records, Class<T> type, Function<T, Optional<String>> problem) {
        List<Consumed<T>> events = new ArrayList<>(records.size());
        List<ProducerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<String> reason;
            try {
                T event = EventJson.read(record.value(), type);
                reason = problem.apply(event);
                if (reason.isEmpty()) {
                    events.add(new Consumed<>(record, event));
                }
            } catch (MalformedEventException e) {
                reason = Optional.of(e.getMessage());
            }
            reason.ifPresent(why -> deadLetters.add(deadLetter(record, why)));
        }
        return new ParsedBatch<>(events, deadLetters);
    }

    /** Builds the dead letter of a record, with one log line under the record's key (a job id on our topics). */
    public static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        try (var job = MDC.putCloseable("crawl.jobId", record.key())) {
            LOG.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        }
        return DeadLetters.of(record, reason);
    }
}
