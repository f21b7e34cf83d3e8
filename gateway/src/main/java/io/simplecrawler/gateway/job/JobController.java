package io.simplecrawler.gateway.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.tree.JsonNode;
import io.simplecrawler.gateway.auth.ApiCaller;
import io.simplecrawler.gateway.webhook.WebhookOutcomes;
import io.simplecrawler.gateway.webhook.WebhookSubscription;
import io.simplecrawler.gateway.webhook.WebhookSubscriptions;
import io.simplecrawler.schemas.JobStatus;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

@Controller
public class JobController {
    private final JobSubmission submission;
    private final JobCancellation cancellation;
    private final JobRepository jobs;
    private final JobFiles files;
    private final WebhookSubscriptions subscriptions;
    private final JobAccess access;
    private final SubmissionLimits limits;
    private final CrawlRequestReader reader;
    private final WebhookOutcomes outcomes;
    private final WorkInFlightLookup workInFlight;

    JobController(
            CrawlRequestReader reader,
            JobSubmission submission,
            JobCancellation cancellation,
            JobRepository jobs,
            JobFiles files,
            WebhookSubscriptions subscriptions,
            WebhookOutcomes outcomes,
            JobAccess access,
            SubmissionLimits limits,
            WorkInFlightLookup workInFlight) {
        this.outcomes = outcomes;
        this.workInFlight = workInFlight;
        this.reader = reader;
        this.access = access;
        this.limits = limits;
        this.subscriptions = subscriptions;
        this.submission = submission;
        this.cancellation = cancellation;
        this.jobs = jobs;
        this.files = files;
    }

    /** Submits a crawl job; a retried request with the same Idempotency-Key gets the same job. */
    @Post("/crawl")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CrawlRequest.class)))
    HttpResponse<JobView> submit(
            HttpRequest<?> http,
            @Body JsonNode body,
            @Header("Idempotency-Key") @Nullable @Size(min = 1, max = 200) String idempotencyKey) {
        CrawlRequest request = reader.read(body);
        ApiCaller caller = ApiCaller.of(http);
        limits.admit(caller);
        Job job = submission.submit(request, idempotencyKey, caller);
        return HttpResponse.accepted(URI.create("/jobs/" + job.id())).body(view(job));
    }

    /** Jobs, newest first. */
    @Get("/jobs")
    JobPage list(
            HttpRequest<?> http,
            @QueryValue
                    @Nullable
                    @Pattern(regexp = JobStatus.WIRE_NAME_PATTERN, message = "must be one of " + JobStatus.WIRE_NAMES)
                    String status,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue(defaultValue = "0") @Min(0) long offset) {
        ApiCaller caller = ApiCaller.of(http);
        String owner = caller.admin() ? null : caller.name();
        JobStatus only = status == null ? null : JobStatus.fromWireName(status);
        return new JobPage(
                jobs.list(only, owner, limit, offset).stream().map(this::view).toList(),
                jobs.countWithStatus(only, owner),
                limit,
                offset);
    }

    @Get("/jobs/{id}")
    Optional<JobView> find(HttpRequest<?> http, UUID id) {
        return access.find(id, ApiCaller.of(http)).map(this::view);
    }

    /** Stops a pending or running job; what was written so far stays downloadable. */
    @Post("/jobs/{id}/cancel")
    JobView cancel(HttpRequest<?> http, UUID id) {
        access.get(id, ApiCaller.of(http));
        cancellation.cancelOpen(id);
        return jobs.findById(id).map(this::view).orElseThrow();
    }

    /** Cancels the job if it runs, then deletes its row and its files. */
    @Delete("/jobs/{id}")
    HttpResponse<Void> delete(HttpRequest<?> http, UUID id) {
        access.get(id, ApiCaller.of(http));
        if (cancellation.cancel(id) == JobCancellation.Outcome.NOT_FOUND) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no job " + id);
        }
        jobs.deleteById(id);
        files.delete(id);
        return HttpResponse.noContent();
    }

    private JobView view(Job job) {
        WebhookSubscription.WebhookView webhook = job.webhook() == null
                ? null
                : subscriptions.parse(job.webhook()).view(outcomes.findById(job.id()));
        return JobView.of(job, webhook, files.list(job.id()), workInFlight.of(job));
    }
}
