package io.simplecrawler.exporter.progress;

import io.micronaut.data.exceptions.DataAccessException;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adds newly written pages to their jobs' counters, one {@code UPDATE} per job and batch that
 * never reads {@code exported_pages}; a job's first page moves it from pending to running, and
 * every written page is progress for the watchdog ({@code last_progress_at}).
 */
@Singleton
public class PageCounts {
    private static final String ADD = "UPDATE jobs SET"
            + " pages_crawled = pages_crawled + ?,"
            + " pages_failed = pages_failed + ?,"
            + " bytes_downloaded = bytes_downloaded + ?,"
            + " robots_blocked = robots_blocked + ?,"
            + " pages_skipped = pages_skipped + ?,"
            + " pages_written = pages_written + ?,"
            + " status = CASE WHEN status = " + JobStatus.PENDING.sqlLiteral()
            + " THEN " + JobStatus.RUNNING.sqlLiteral() + " ELSE status END,"
            + " started_at = CASE WHEN status = " + JobStatus.PENDING.sqlLiteral() + " THEN now() ELSE started_at END,"
            + " last_progress_at = now(), stalled_since = NULL,"
            + " progress = " + ProgressColumn.recomputed("pages_written + ?", "pages_admitted", "pages_total")
            + " WHERE id = ?";

    private record Tally(long crawled, long failed, long bytes, long blocked, long skipped, long written) {
        static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0);

        Tally plus(PageRecord page) {
            return new Tally(
                    crawled + count(page, FetchOutcome.FETCHED),
                    failed + count(page, FetchOutcome.FAILED),
                    bytes + Math.max(0, page.bytes()),
                    blocked + count(page, FetchOutcome.BLOCKED),
                    skipped + count(page, FetchOutcome.SKIPPED),
                    written + 1);
        }

        private static long count(PageRecord page, FetchOutcome outcome) {
            return page.outcome() == outcome ? 1 : 0;
        }
    }

    /**
     * @param pages  pages whose {@code exported_pages} rows this transaction inserted, of locked jobs
     * @param locked those jobs, as locked
     */
    public void add(Connection connection, List<PageRecord> pages, Map<UUID, LockedJob> locked) {
        Map<UUID, Tally> tallies = new LinkedHashMap<>();
        for (PageRecord page : pages) {
            tallies.put(
                    page.jobId(), tallies.getOrDefault(page.jobId(), Tally.ZERO).plus(page));
        }
        try (PreparedStatement update = connection.prepareStatement(ADD)) {
            for (var entry : tallies.entrySet()) {
                update.setLong(1, entry.getValue().crawled());
                update.setLong(2, entry.getValue().failed());
                update.setLong(3, entry.getValue().bytes());
                update.setLong(4, entry.getValue().blocked());
                update.setLong(5, entry.getValue().skipped());
                update.setLong(6, entry.getValue().written());
                update.setLong(7, entry.getValue().written());
                update.setInt(8, locked.get(entry.getKey()).maxPages());
                update.setObject(9, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("Cannot update the counters of jobs " + tallies.keySet(), e);
        }
    }
}
