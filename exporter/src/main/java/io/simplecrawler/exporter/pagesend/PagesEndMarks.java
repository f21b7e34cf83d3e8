package io.simplecrawler.exporter.pagesend;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.simplecrawler.exporter.kafka.RecordSender;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.PagesEnded;
import io.simplecrawler.schemas.RecordTypes;
import io.simplecrawler.schemas.Topics;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes a job's end-of-pages marker ({@link PagesEnded}) once: when the job has ended and its
 * crawl has finished with every page record consumed (its {@code exported_pages} reach
 * {@code pages_total}); or at once, whatever was consumed, for a job whose crawl will never
 * report its end (the frontier rejected it, or the watchdog failed it), and for an ended job
 * still without a marker after {@code fail-after} (a cancelled crawl whose last task was lost).
 */
@Singleton
public class PagesEndMarks {
    private static final Logger LOG = LoggerFactory.getLogger(PagesEndMarks.class);
    private static final String ENDED =
            JobStatus.sqlList(EnumSet.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED));
    private static final String COLUMNS =
            "id, status, pages_total," + " (SELECT count(*) FROM exported_pages p WHERE p.job_id = j.id) AS exported";
    private static final String LOCK_UNMARKED = "SELECT " + COLUMNS + " FROM jobs j WHERE id = ANY(?) AND status IN "
            + ENDED + " AND pages_ended_at IS NULL ORDER BY id FOR UPDATE";
    /**
     * Only jobs whose crawl has reported its page count can have consumed all their records, so
     * the pages of a job are counted once it has, not on every batch of the records a cancelled
     * crawl still has in flight.
     */
    private static final String LOCK_UNMARKED_COUNTED = "SELECT " + COLUMNS
            + " FROM jobs j WHERE id = ANY(?) AND status IN " + ENDED
            + " AND pages_ended_at IS NULL AND pages_total IS NOT NULL ORDER BY id FOR UPDATE";

    private static final String LOCK_OVERDUE = "SELECT " + COLUMNS + " FROM jobs j WHERE status IN " + ENDED
            + " AND pages_ended_at IS NULL AND finished_at < ? ORDER BY id FOR UPDATE SKIP LOCKED";
    private static final String MARK = "UPDATE jobs SET pages_ended_at = now() WHERE id = ?";

    private final TransactionOperations<Connection> transactions;
    private final RecordSender sender;

    public PagesEndMarks(TransactionOperations<Connection> transactions, RecordSender sender) {
        this.transactions = transactions;
        this.sender = sender;
    }

    /** Whether a consumed record of {@code crawl.pages} is a marker, not a page record. */
    public static boolean isMarker(ConsumerRecord<String, byte[]> record) {
        return RecordTypes.of(record.topic(), record.value())
                .filter(PagesEnded.class::equals)
                .isPresent();
    }

    /** Marks those of the jobs that have ended and whose every page record was consumed; safe after any batch. */
    public void markFinished(Collection<UUID> jobIds) {
        mark(jobIds, false);
    }

    /** Marks those of the jobs that have ended, whatever page records came: their crawl will never report its end. */
    public void markEnded(Collection<UUID> jobIds) {
        mark(jobIds, true);
    }

    /** Marks every job that ended before {@code endedBefore} and has no marker yet. */
    public void markOverdue(Instant endedBefore) {
        transactions.executeWrite(status -> {
            send(status.getConnection(), LOCK_OVERDUE, OffsetDateTime.ofInstant(endedBefore, ZoneOffset.UTC), true);
            return null;
        });
    }

    private void mark(Collection<UUID> jobIds, boolean whateverCame) {
        if (jobIds.isEmpty()) {
            return;
        }
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            send(
                    connection,
                    whateverCame ? LOCK_UNMARKED : LOCK_UNMARKED_COUNTED,
                    connection.createArrayOf("uuid", jobIds.toArray()),
                    whateverCame);
            return null;
        });
    }

    private void send(Connection connection, String select, Object parameter, boolean whateverCame) {
        try {
            List<PagesEnded> due = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setObject(1, parameter);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long exported = rows.getLong("exported");
                        long total = rows.getLong("pages_total");
                        boolean finished = !rows.wasNull() && exported >= total;
                        if (whateverCame || finished) {
                            due.add(new PagesEnded(
                                    rows.getObject("id", UUID.class),
                                    exported,
                                    JobStatus.fromWireName(rows.getString("status")),
                                    Instant.now()));
                        }
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(MARK)) {
                for (PagesEnded marker : due) {
                    update.setObject(1, marker.jobId());
                    update.addBatch();
                }
                update.executeBatch();
            }
            // sent before the commit: if the commit fails the caller's batch is retried and sends them again
            sender.sendAll(due.stream()
                    .map(marker ->
                            new ProducerRecord<>(Topics.PAGES, marker.jobId().toString(), EventJson.write(marker)))
                    .toList());
            due.forEach(PagesEndMarks::log);
        } catch (SQLException e) {
            throw new DataAccessException("Cannot mark the end of jobs' pages", e);
        }
    }

    private static void log(PagesEnded marker) {
        try (var job = MDC.putCloseable("crawl.jobId", marker.jobId().toString())) {
            LOG.info(
                    "Job {} ({}): its {} page records are on {}, end-of-pages marker sent",
                    marker.jobId(),
                    marker.status().wireName(),
                    marker.total(),
                    Topics.PAGES);
        }
    }
}
