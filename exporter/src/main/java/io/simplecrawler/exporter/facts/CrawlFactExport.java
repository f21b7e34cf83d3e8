package io.simplecrawler.exporter.facts;

import io.micronaut.transaction.TransactionOperations;
import io.simplecrawler.exporter.completion.FinalisationQueue;
import io.simplecrawler.exporter.kafka.Consumed;
import io.simplecrawler.exporter.kafka.JobEvents;
import io.simplecrawler.exporter.kafka.ParsedBatch;
import io.simplecrawler.exporter.kafka.RecordSender;
import io.simplecrawler.exporter.pagesend.PagesEndMarks;
import io.simplecrawler.exporter.progress.CrawlProgress;
import io.simplecrawler.exporter.progress.CrawlUpdates;
import io.simplecrawler.exporter.progress.JobRowLocks;
import io.simplecrawler.exporter.progress.LockedJob;
import io.simplecrawler.schemas.CrawlFact;
import io.simplecrawler.schemas.CrawlFinished;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.UrlsAdmitted;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Applies one batch of {@code crawl.frontier}. */
@Singleton
public class CrawlFactExport {
    private final TransactionOperations<Connection> transactions;
    private final JobRowLocks rowLocks;
    private final CrawlProgress crawlProgress;
    private final JobEvents jobEvents;
    private final RecordSender sender;
    private final FinalisationQueue finaliser;
    private final PagesEndMarks pagesEnd;

    public CrawlFactExport(
            TransactionOperations<Connection> transactions,
            JobRowLocks rowLocks,
            CrawlProgress crawlProgress,
            JobEvents jobEvents,
            RecordSender sender,
            FinalisationQueue finaliser,
            PagesEndMarks pagesEnd) {
        this.transactions = transactions;
        this.rowLocks = rowLocks;
        this.crawlProgress = crawlProgress;
        this.jobEvents = jobEvents;
        this.sender = sender;
        this.finaliser = finaliser;
        this.pagesEnd = pagesEnd;
    }

    public void apply(List<ConsumerRecord<String, byte[]>> records) {
        ParsedBatch<CrawlFact> batch = ParsedBatch.parse(records, CrawlFact.class, CrawlFactExport::problem);
        CrawlUpdates updates =
                CrawlUpdates.of(batch.events().stream().map(Consumed::event).toList());
        if (!updates.jobIds().isEmpty()) {
            transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                Map<UUID, LockedJob> locked = rowLocks.lock(connection, updates.jobIds());
                Set<UUID> failed = crawlProgress.apply(connection, updates, locked);
                // sent before the commit: if the commit fails the batch is retried and sends them again
                jobEvents.publish(ended(updates, locked, failed));
                return null;
            });
        }
        sender.sendAll(batch.deadLetters());
        // only a page count (CrawlFinished) can make a job ready; page batches check the rest
        updates.totals().keySet().forEach(finaliser::request);
        // a rejected job's crawl never finishes: its pages end with the rejection
        pagesEnd.markEnded(updates.failures().keySet());
        pagesEnd.markFinished(updates.totals().keySet());
    }

    /**
     * What clients hear of this batch: the jobs it failed (the frontier rejected them), and the jobs a client
     * cancelled whose crawl has now stopped. A cancellation of the exporter's own (a job it failed) tells nothing.
     */
    private static List<JobEvent> ended(CrawlUpdates updates, Map<UUID, LockedJob> locked, Set<UUID> failed) {
        Instant now = Instant.now();
        List<JobEvent> events = new ArrayList<>();
        failed.forEach(jobId ->
                events.add(new JobEvent.Failed(jobId, updates.failures().get(jobId), now)));
        updates.cancelled().stream()
                .filter(jobId -> locked.containsKey(jobId)
                        && JobStatus.CANCELLED.equals(locked.get(jobId).status()))
                .forEach(jobId -> events.add(new JobEvent.Cancelled(jobId, now)));
        return events;
    }

    private static Optional<String> problem(CrawlFact fact) {
        if (fact instanceof UrlsAdmitted admitted) {
            return outOfRange("admitted", admitted.admitted()).or(() -> outOfRange("filtered", admitted.filtered()));
        }
        if (fact instanceof CrawlFinished finished) {
            return outOfRange("total", finished.total()).or(() -> outOfRange("filtered", finished.filtered()));
        }
        return Optional.empty();
    }

    /** A count the jobs table cannot hold (its columns are integers) would fail the batch on every attempt. */
    private static Optional<String> outOfRange(String field, long count) {
        return count >= 0 && count <= Integer.MAX_VALUE
                ? Optional.empty()
                : Optional.of("crawl fact with " + field + " " + count + " outside 0.." + Integer.MAX_VALUE);
    }
}
