package io.simplecrawler.exporter.events;

import io.micronaut.transaction.TransactionOperations;
import io.simplecrawler.exporter.completion.JobFinaliser;
import io.simplecrawler.exporter.kafka.Consumed;
import io.simplecrawler.exporter.kafka.ParsedBatch;
import io.simplecrawler.exporter.kafka.RecordSender;
import io.simplecrawler.exporter.progress.CrawlProgress;
import io.simplecrawler.exporter.progress.CrawlUpdates;
import io.simplecrawler.exporter.progress.JobRowLocks;
import io.simplecrawler.schemas.JobEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Applies one batch of {@code crawl.events}. */
@Singleton
public class JobEventExport {
    private final TransactionOperations<Connection> transactions;
    private final JobRowLocks rowLocks;
    private final CrawlProgress crawlProgress;
    private final RecordSender sender;
    private final JobFinaliser finaliser;

    public JobEventExport(
            TransactionOperations<Connection> transactions,
            JobRowLocks rowLocks,
            CrawlProgress crawlProgress,
            RecordSender sender,
            JobFinaliser finaliser) {
        this.transactions = transactions;
        this.rowLocks = rowLocks;
        this.crawlProgress = crawlProgress;
        this.sender = sender;
        this.finaliser = finaliser;
    }

    public void apply(List<ConsumerRecord<String, byte[]>> records) {
        ParsedBatch<JobEvent> batch = ParsedBatch.parse(records, JobEvent.class, JobEventExport::problem);
        CrawlUpdates updates = CrawlUpdates.of(batch.events().stream().map(Consumed::event).toList());
        if (!updates.jobIds().isEmpty()) {
            transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                crawlProgress.apply(connection, updates, rowLocks.lock(connection, updates.jobIds()));
                return null;
            });
        }
        sender.sendAll(batch.deadLetters());
        // only a page count (CRAWLED) can make a job ready; page batches check the rest
        updates.totals().keySet().forEach(finaliser::finaliseIfReady);
    }

    private static Optional<String> problem(JobEvent event) {
        if (event.jobId() == null) {
            return Optional.of("job event without jobId");
        }
        if (event.type() == null) {
            return Optional.of("job event without type");
        }
        return outOfRange("total", event.total()).or(() -> outOfRange("filtered", event.filtered()));
    }

    /** A count the jobs table cannot hold (its columns are integers) would fail the batch on every attempt. */
    private static Optional<String> outOfRange(String field, Long count) {
        return count == null || (count >= 0 && count <= Integer.MAX_VALUE)
                ? Optional.empty()
                : Optional.of("job event with " + field + " " + count + " outside 0.." + Integer.MAX_VALUE);
    }
}
