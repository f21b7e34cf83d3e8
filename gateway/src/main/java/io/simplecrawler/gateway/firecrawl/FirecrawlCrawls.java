package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.simplecrawler.gateway.auth.ApiCaller;
import io.simplecrawler.gateway.input.InvalidInput;
import io.simplecrawler.gateway.input.Text;
import io.simplecrawler.gateway.job.Job;
import io.simplecrawler.gateway.job.JobAccess;
import io.simplecrawler.gateway.job.JobCancellation;
import io.simplecrawler.gateway.job.JobRepository;
import io.simplecrawler.gateway.job.JobSubmission;
import io.simplecrawler.gateway.job.SubmissionLimits;
import io.simplecrawler.gateway.problem.Problem;
import io.simplecrawler.schemas.JobStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/**
 * Firecrawl's crawl operations on native jobs, for both API versions ({@code version} is the
 * path prefix, {@code v1} or {@code v2}): submission as {@code POST /crawl} does it (limits, the
 * caller's ownership, the outbox), status with the documents written so far, cancel, errors and
 * the caller's open crawls.
 */
@Singleton
class FirecrawlCrawls {
    static final String IDEMPOTENCY_HEADER = "x-idempotency-key";
    /** Documents per status answer when the client names no limit; 10 MB bound them too. */
    static final int DOCUMENTS_PER_ANSWER = 100;

    private final NativeCrawlRequests requests;
    private final FirecrawlWebhookRequests webhooks;
    private final JobSubmission submission;
    private final SubmissionLimits limits;
    private final JobAccess access;
    private final JobCancellation cancellation;
    private final JobRepository jobs;
    private final JobDocuments documents;

    FirecrawlCrawls(
            NativeCrawlRequests requests,
            FirecrawlWebhookRequests webhooks,
            JobSubmission submission,
            SubmissionLimits limits,
            JobAccess access,
            JobCancellation cancellation,
            JobRepository jobs,
            JobDocuments documents) {
        this.requests = requests;
        this.webhooks = webhooks;
        this.submission = submission;
        this.limits = limits;
        this.access = access;
        this.cancellation = cancellation;
        this.jobs = jobs;
        this.documents = documents;
    }

    FirecrawlAnswers.CrawlStarted start(HttpRequest<?> http, CrawlAsked asked, String version) {
        Job job = submit(http, asked);
        return new FirecrawlAnswers.CrawlStarted(
                true, job.id().toString(), PublicUrl.base(http) + "/" + version + "/crawl/" + job.id());
    }

    /** Submits the request as the caller's native job, within the caller's limits. */
    Job submit(HttpRequest<?> http, CrawlAsked asked) {
        var request = requests.map(asked);
        var subscription = webhooks.subscription(asked.webhook());
        ApiCaller caller = ApiCaller.of(http);
        limits.admit(caller);
        return submission.submit(
                request, NativeCrawlRequests.content(asked), subscription.orElse(null), idempotencyKey(http), caller);
    }

    CrawlStatus status(HttpRequest<?> http, UUID id, int skip, @Nullable Integer limit, String version) {
        Job job = access.get(id, ApiCaller.of(http));
        int most = limit == null ? DOCUMENTS_PER_ANSWER : limit;
        JobDocuments.DocumentPage page =
                documents.page(id, JobDocuments.settings(job), PublicUrl.base(http), skip, most);
        String next = null;
        if (page.more()) {
            next = PublicUrl.base(http) + "/" + version + "/crawl/" + id + "?skip="
                    + (skip + page.documents().size()) + (limit == null ? "" : "&limit=" + limit);
        }
        return CrawlStatus.of(job, page.documents(), next);
    }

    FirecrawlAnswers.CrawlCancelled cancel(HttpRequest<?> http, UUID id) {
        access.get(id, ApiCaller.of(http));
        cancellation.cancelOpen(id);
        return new FirecrawlAnswers.CrawlCancelled(true, "cancelled");
    }

    CrawlErrors errors(HttpRequest<?> http, UUID id) {
        access.get(id, ApiCaller.of(http));
        return documents.errors(id);
    }

    FirecrawlAnswers.ActiveCrawls active(HttpRequest<?> http) {
        ApiCaller caller = ApiCaller.of(http);
        String owner = caller.admin() ? null : caller.name();
        List<FirecrawlAnswers.ActiveCrawl> crawls = JobStatus.open().stream()
                .flatMap(status -> jobs.list(status, owner, 1000, 0).stream())
                .map(job -> new FirecrawlAnswers.ActiveCrawl(
                        job.id().toString(), job.owner() == null ? "open" : job.owner(), job.url()))
                .toList();
        return new FirecrawlAnswers.ActiveCrawls(true, crawls);
    }

    private static @Nullable String idempotencyKey(HttpRequest<?> http) {
        String key = http.getHeaders().get(IDEMPOTENCY_HEADER);
        if (key == null) {
            return null;
        }
        String problem = key.isEmpty() || key.length() > 200 ? "must be 1 to 200 characters" : Text.problem(key);
        if (problem != null) {
            throw new InvalidInput(List.of(new Problem.FieldError(IDEMPOTENCY_HEADER, problem)));
        }
        return key;
    }
}
