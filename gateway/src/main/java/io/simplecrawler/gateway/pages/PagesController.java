package io.simplecrawler.gateway.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.annotation.Transactional;
import io.simplecrawler.gateway.auth.ApiCaller;
import io.simplecrawler.gateway.job.JobAccess;
import io.simplecrawler.gateway.results.PagesJournal;
import io.simplecrawler.schemas.PageRecord;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Read-only views of a job's pages, for the dashboard (and any client that wants them). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PagesController {
    private static final String OUTCOMES = "FETCHED|FAILED|BLOCKED|SKIPPED|DUPLICATE|CANCELLED";
    private static final String PER_SECOND =
            "SELECT extract(epoch FROM date_trunc('second', exported_at))::bigint, count(*) FROM exported_pages"
                    + " WHERE job_id = ? GROUP BY 1 ORDER BY 1";

    private final JobAccess access;
    private final PagesJournal journal;
    private final JdbcOperations jdbc;

    PagesController(JobAccess access, PagesJournal journal, JdbcOperations jdbc) {
        this.access = access;
        this.journal = journal;
        this.jdbc = jdbc;
    }

    @Operation(
            summary = "The job's pages written so far, in the order they were written",
            description = "q matches URL and title (case-insensitive); outcome keeps one outcome. The"
                    + " histograms count all the job's pages, whatever the filter.")
    @Get("/jobs/{id}/pages")
    PageList pages(
            HttpRequest<?> http,
            UUID id,
            @QueryValue @Nullable @Size(max = 200) String q,
            @QueryValue @Nullable @Pattern(regexp = OUTCOMES, message = "must be one of " + OUTCOMES) String outcome,
            @QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit,
            @QueryValue(defaultValue = "0") @Min(0) int offset) {
        access.get(id, ApiCaller.of(http));
        List<PageRecord> all = journal.read(id);
        String needle = q == null ? "" : q.toLowerCase(Locale.ROOT);
        List<PageSummary> matching = all.stream()
                .filter(page -> outcome == null || page.outcome().name().equals(outcome))
                .filter(page -> needle.isEmpty() || contains(page.url(), needle) || contains(page.title(), needle))
                .map(PageSummary::of)
                .toList();
        List<PageSummary> slice =
                matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
        return PageHistograms.list(all, slice, matching.size(), limit, offset);
    }

    @Operation(summary = "One page of the job, with its Markdown (untrusted: render it sanitised)")
    @Get("/jobs/{id}/page")
    PageContent page(HttpRequest<?> http, UUID id, @QueryValue @NotBlank @Size(max = 4096) String url) {
        access.get(id, ApiCaller.of(http));
        return journal.read(id).stream()
                .filter(page -> page.url().equals(url))
                .findFirst()
                .map(PageContent::of)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "job " + id + " has no page " + url));
    }

    @Operation(summary = "Page records of the job written per second, seconds without any left out")
    @Get("/jobs/{id}/throughput")
    @Transactional(readOnly = true)
    List<ThroughputPoint> throughput(HttpRequest<?> http, UUID id) {
        access.get(id, ApiCaller.of(http));
        return jdbc.prepareStatement(PER_SECOND, statement -> {
            statement.setObject(1, id);
            List<ThroughputPoint> points = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    points.add(new ThroughputPoint(Instant.ofEpochSecond(rows.getLong(1)), rows.getLong(2)));
                }
            }
            return points;
        });
    }

    private static boolean contains(@Nullable String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
