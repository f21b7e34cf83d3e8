package io.simplecrawler.gateway.analytics;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.simplecrawler.gateway.auth.ApiCaller;
import io.simplecrawler.gateway.job.JobAccess;
import io.simplecrawler.schemas.PageStats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.UUID;

/** Statistics of the crawled pages from the analytics service (crawl.stats.*), per host and per job. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AnalyticsController {
    private final AnalyticsClient analytics;
    private final JobAccess access;

    AnalyticsController(AnalyticsClient analytics, JobAccess access) {
        this.analytics = analytics;
        this.access = access;
    }

    @Operation(
            summary = "The hosts with the most pages, over all jobs",
            description = "Per host: pages (each URL once per job), bytes, outcomes, HTTP status classes,"
                    + " content types, failures by reason, outlinks and fetch-time p50/p95 (a t-digest"
                    + " estimate), as the analytics service counts them from crawl.pages. Most pages first.")
    @ApiResponse(responseCode = "200", description = "The ranking")
    @ApiResponse(
            responseCode = "503",
            description = "The analytics service is down, slow or rebalancing",
            content = @Content(mediaType = "application/problem+json"))
    @Get("/stats/hosts")
    HostRanking topHosts(@QueryValue(defaultValue = "20") @Min(1) @Max(1000) int top) {
        return analytics.topHosts(top);
    }

    @Operation(
            summary = "The job's page statistics",
            description = "As for hosts, for the job's pages; all counts 0 before its first page is counted.")
    @ApiResponse(responseCode = "200", description = "The statistics")
    @ApiResponse(responseCode = "404", description = "No such job (for this API key)")
    @ApiResponse(
            responseCode = "503",
            description = "The analytics service is down, slow or rebalancing",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))
    @Get("/jobs/{id}/stats")
    PageStats jobStats(HttpRequest<?> http, UUID id) {
        access.get(id, ApiCaller.of(http));
        return analytics
                .jobStats(id)
                .orElseGet(() ->
                        new PageStats(null, id, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(), 0, null, null, null));
    }
}
