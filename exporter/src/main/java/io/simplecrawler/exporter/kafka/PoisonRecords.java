package io.simplecrawler.exporter.kafka;

import io.simplecrawler.schemas.Topics;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a record whose data Postgres refuses (a NUL character, a URL too long for an index, a
 * number out of range) from blocking its partition: when a batch fails on such data, its records
 * are applied again one at a time, and each that fails alone is dead-lettered to
 * {@value Topics#FETCH_DLQ} with the database's reason. Any other failure (Postgres or the broker
 * unreachable) is thrown on: the batch is retried and nothing is dropped. Applying a record twice
 * is harmless, since the exporter is idempotent.
 */
@Singleton
public class PoisonRecords {
    private static final Logger LOG = LoggerFactory.getLogger(PoisonRecords.class);
    /** SQLSTATE classes of faults in the data sent: data exception, integrity constraint violation, program limit exceeded. */
    private static final Set<String> DATA_FAULTS = Set.of("22", "23", "54");

    private final RecordSender sender;

    public PoisonRecords(RecordSender sender) {
        this.sender = sender;
    }

    public void apply(
            List<ConsumerRecord<String, byte[]>> records, Consumer<List<ConsumerRecord<String, byte[]>>> batch) {
        try {
            batch.accept(records);
            return;
        } catch (RuntimeException e) {
            Optional<String> refused = refusedData(e);
            if (refused.isEmpty()) {
                throw e;
            }
            if (records.size() == 1) {
                sender.sendAll(List.of(
                        ParsedBatch.deadLetter(records.get(0), "Postgres refused the record: " + refused.get())));
                return;
            }
            LOG.warn(
                    "Postgres refused data in a batch of {} records of {}; applying them one at a time: {}",
                    records.size(),
                    records.get(0).topic(),
                    refused.get());
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            apply(List.of(record), batch);
        }
    }

    private static Optional<String> refusedData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && state.length() == 5 && DATA_FAULTS.contains(state.substring(0, 2))) {
                        return Optional.of(next.getMessage());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
