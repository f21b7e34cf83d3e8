package io.simplecrawler.analytics.query;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.simplecrawler.schemas.PageStats;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The statistics, from any instance ({@code /stats/hosts}, {@code /jobs/{id}/stats}), and what
 * this instance's own stores hold ({@code /local/...}, which the other instances ask). While the
 * stores are not queryable (start-up, rebalance, restore) or another instance does not answer,
 * the answer is 503; the gateway, which calls these, says so to its client.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class StatsController {
    static final int MAX_TOP = 1000;

    private final StatsQueries queries;

    StatsController(StatsQueries queries) {
        this.queries = queries;
    }

    @Get("/stats/hosts")
    HostRanking topHosts(@QueryValue(defaultValue = "20") @Min(1) @Max(MAX_TOP) int top) {
        return queries.topHosts(top);
    }

    @Get("/jobs/{id}/stats")
    Optional<PageStats> jobStats(UUID id) {
        return queries.jobStats(id);
    }

    @Get("/local/stats/hosts")
    HostRanking localTopHosts(@QueryValue(defaultValue = "20") @Min(1) @Max(MAX_TOP) int top) {
        return queries.localTopHosts(top);
    }

    @Get("/local/jobs/{id}/stats")
    Optional<PageStats> localJobStats(UUID id) {
        return queries.localJobStats(id);
    }

    @Error(exception = InvalidStateStoreException.class)
    HttpResponse<Map<String, String>> notQueryable(InvalidStateStoreException e) {
        return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(Map.of("message", "statistics not queryable now: " + e.getMessage()));
    }

    @Error(exception = HttpClientException.class)
    HttpResponse<Map<String, String>> peerFailed(HttpClientException e) {
        return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(Map.of("message", "another analytics instance did not answer: " + e.getMessage()));
    }
}
