package io.simplecrawler.exporter.pages;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import io.simplecrawler.exporter.completion.FinalisationQueue;
import io.simplecrawler.exporter.completion.JobFailures;
import io.simplecrawler.exporter.kafka.Consumed;
import io.simplecrawler.exporter.kafka.JobEvents;
import io.simplecrawler.exporter.kafka.ParsedBatch;
import io.simplecrawler.exporter.kafka.RecordSender;
import io.simplecrawler.exporter.pagesend.PagesEndMarks;
import io.simplecrawler.exporter.progress.JobRowLocks;
import io.simplecrawler.exporter.progress.LockedJob;
import io.simplecrawler.exporter.progress.PageCounts;
import io.simplecrawler.exporter.results.PagesJournal;
import io.simplecrawler.exporter.results.ResultsWriteFailure;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Writes one batch of {@code crawl.pages}; see the package documentation for the order of effects. */
@Singleton
public class PageExport {
    private static final Logger LOG = LoggerFactory.getLogger(PageExport.class);

    private final TransactionOperations<Connection> transactions;
    private final JobRowLocks rowLocks;
    private final ExportedPages exportedPages;
    private final PagesJournal journal;
    private final PageCounts pageCounts;
    private final JobEvents jobEvents;
    private final RecordSender sender;
    private final FinalisationQueue finaliser;
    private final JobFailures jobFailures;
    private final PagesEndMarks pagesEnd;
    private final Counter pagesWritten;

    public PageExport(
            TransactionOperations<Connection> transactions,
            JobRowLocks rowLocks,
            ExportedPages exportedPages,
            PagesJournal journal,
            PageCounts pageCounts,
            JobEvents jobEvents,
            RecordSender sender,
            FinalisationQueue finaliser,
            JobFailures jobFailures,
            PagesEndMarks pagesEnd,
            MeterRegistry meters) {
        this.transactions = transactions;
        this.rowLocks = rowLocks;
        this.exportedPages = exportedPages;
        this.journal = journal;
        this.pageCounts = pageCounts;
        this.jobEvents = jobEvents;
        this.sender = sender;
        this.finaliser = finaliser;
        this.jobFailures = jobFailures;
        this.pagesEnd = pagesEnd;
        this.pagesWritten = Counter.builder("simplecrawler.exporter.pages.written")
                .description("Page records appended to pages.jsonl, each (job, URL) once")
                .register(meters);
    }

    /**
     * What a batch's transaction did.
     *
     * @param mayComplete jobs of the batch that already have their page count, whatever this batch added
     */
    private record Written(Set<UUID> mayComplete, List<Consumed<PageRecord>> ofUnknownJobs, int lines) {}

    public void export(List<ConsumerRecord<String, byte[]>> records) {
        // the end-of-pages markers are the exporter's own, written once it has consumed a job's pages
        ParsedBatch<PageRecord> batch = ParsedBatch.parse(
                records.stream()
                        .filter(record -> !PagesEndMarks.isMarker(record))
                        .toList(),
                PageRecord.class,
                PageExport::problem);
        List<Consumed<PageRecord>> pages = firstPerKey(batch.events());
        Written written = pages.isEmpty()
                ? new Written(Set.of(), List.of(), 0)
                : transactions.executeWrite(status -> write(status.getConnection(), pages));
        List<ProducerRecord<String, byte[]>> deadLetters = new ArrayList<>(batch.deadLetters());
        for (Consumed<PageRecord> page : written.ofUnknownJobs()) {
            deadLetters.add(ParsedBatch.deadLetter(
                    page.record(), "no job " + page.event().jobId()));
        }
        sender.sendAll(deadLetters);
        pagesWritten.increment(written.lines());
        // also jobs whose pages were all replays: the crash that caused the replay may have come before finalising;
        // a page count that lands after this batch's commit makes the event listener ask instead
        written.mayComplete().forEach(finaliser::request);
        // a job cancelled or failed before its last pages came ends its pages with one of these batches
        pagesEnd.markFinished(pages.stream().map(page -> page.event().jobId()).collect(Collectors.toSet()));
    }

    private Written write(Connection connection, List<Consumed<PageRecord>> pages) {
        Set<UUID> jobIds = pages.stream().map(page -> page.event().jobId()).collect(Collectors.toSet());
        Map<UUID, LockedJob> locked = rowLocks.lock(connection, jobIds);
        Map<Boolean, List<Consumed<PageRecord>>> byJobKnown = pages.stream()
                .collect(Collectors.partitioningBy(
                        page -> locked.containsKey(page.event().jobId())));
        List<PageRecord> fresh = exportedPages.insertNew(
                connection, byJobKnown.get(true).stream().map(Consumed::event).toList());

        Map<UUID, List<PageRecord>> freshByJob = fresh.stream()
                .collect(Collectors.groupingBy(PageRecord::jobId, LinkedHashMap::new, Collectors.toList()));
        List<PageRecord> written = new ArrayList<>();
        Map<UUID, List<PageRecord>> lines = new LinkedHashMap<>();
        freshByJob.forEach((jobId, jobPages) -> {
            List<PageRecord> jobLines = jobPages.stream()
                    .filter(page -> page.outcome() != FetchOutcome.CANCELLED)
                    .toList();
            if (appendLines(connection, jobId, locked.get(jobId), jobLines)) {
                written.addAll(jobPages);
                lines.put(jobId, jobLines);
            }
        });
        pageCounts.add(connection, written, locked);

        Set<UUID> started = written.stream()
                .map(PageRecord::jobId)
                .filter(jobId -> locked.get(jobId).status() == JobStatus.PENDING)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        started.forEach(PageExport::logStarted);
        // sent before the commit: if the commit fails the batch is retried and sends them again
        Instant now = Instant.now();
        List<JobEvent> events = new ArrayList<>();
        started.forEach(jobId -> events.add(new JobEvent.Started(jobId, now)));
        // a PAGE event per page only where a webhook wants it: for the others it would be a record per page nobody
        // reads
        lines.forEach((jobId, jobLines) -> {
            if (locked.get(jobId).pageEvents()) {
                jobLines.forEach(
                        page -> events.add(new JobEvent.PageWritten(page.jobId(), page.url(), page.error(), now)));
            }
        });
        jobEvents.publish(events);
        Set<UUID> mayComplete = locked.entrySet().stream()
                .filter(job -> job.getValue().mayComplete())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new Written(
                mayComplete,
                byJobKnown.get(false),
                lines.values().stream().mapToInt(List::size).sum());
    }

    /**
     * Appends a job's new lines to its journal, unless the job has failed: its files are no
     * longer kept. A job whose journal cannot be written fails here, alone.
     *
     * @return whether the pages are written, to be counted
     */
    private boolean appendLines(Connection connection, UUID jobId, LockedJob job, List<PageRecord> jobLines) {
        if (job.status() == JobStatus.FAILED) {
            return false;
        }
        try {
            journal.append(jobId, jobLines);
            return true;
        } catch (ResultsWriteFailure e) {
            jobFailures.fail(connection, e.jobId(), e.getMessage());
            return false;
        }
    }

    /** A redelivered record can share a batch with its first delivery: keep the first. */
    private static List<Consumed<PageRecord>> firstPerKey(List<Consumed<PageRecord>> pages) {
        Map<PageKey, Consumed<PageRecord>> first = new LinkedHashMap<>();
        pages.forEach(page -> first.putIfAbsent(PageKey.of(page.event()), page));
        return List.copyOf(first.values());
    }

    private static void logStarted(UUID jobId) {
        try (var job = MDC.putCloseable("crawl.jobId", jobId.toString())) {
            LOG.info("Job {} started: its first page is written", jobId);
        }
    }

    private static Optional<String> problem(PageRecord page) {
        if (page.jobId() == null) {
            return Optional.of("page record without jobId");
        }
        if (page.url() == null || page.url().isBlank()) {
            return Optional.of("page record without url");
        }
        return page.outcome() == null ? Optional.of("page record without outcome") : Optional.empty();
    }
}
