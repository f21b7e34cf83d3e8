package io.simplecrawler.gateway.ops;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.transaction.annotation.Transactional;
import io.simplecrawler.schemas.JobStatus;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Controller
public class StatsController {
    private static final String OPEN = JobStatus.sqlList(JobStatus.open());
    private static final String PAGES_AND_STALLED =
            "SELECT coalesce(sum(pages_crawled), 0), coalesce(sum(pages_failed), 0),"
                    + " (SELECT count(*) FROM exported_pages WHERE exported_at > now() - interval '1 minute'),"
                    + " count(*) FILTER (WHERE status IN " + OPEN + " AND stalled_since IS NOT NULL) FROM jobs";
    private static final String LONGEST_STALLED = "SELECT id, stalled_since FROM jobs WHERE status IN " + OPEN
            + " AND stalled_since IS NOT NULL ORDER BY stalled_since LIMIT 100";

    private final JdbcOperations jdbc;
    private final ConsumerLag lag;
    private final JobCounts jobCounts;

    StatsController(JdbcOperations jdbc, ConsumerLag lag, JobCounts jobCounts) {
        this.jdbc = jdbc;
        this.lag = lag;
        this.jobCounts = jobCounts;
    }

    @Get("/stats")
    @Transactional(readOnly = true)
    PipelineStats stats() {
        Map<String, Long> byStatus = jobCounts.byStatus();
        long[] pages = jdbc.prepareStatement(PAGES_AND_STALLED, statement -> {
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)};
            }
        });
        List<PipelineStats.StalledJob> stalled = jdbc.prepareStatement(LONGEST_STALLED, statement -> {
            List<PipelineStats.StalledJob> jobs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    jobs.add(new PipelineStats.StalledJob(
                            rows.getObject(1, UUID.class),
                            rows.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
            return jobs;
        });
        return new PipelineStats(byStatus, pages[3], stalled, pages[0], pages[1], pages[2] / 60.0, lag.perTopic());
    }
}
