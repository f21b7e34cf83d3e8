package io.simplecrawler.gateway.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.simplecrawler.gateway.auth.ApiCaller;
import io.simplecrawler.gateway.kafka.JobCommandClient;
import io.simplecrawler.gateway.webhook.WebhookSubscription;
import io.simplecrawler.gateway.webhook.WebhookSubscriptions;
import io.simplecrawler.schemas.ContentOptions;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.JobSubmitted;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.RenderMode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Stores a job and publishes its {@link JobSubmitted} (invariant 4): the row is committed
 * first with {@code published_at} null, then the record is sent and the row marked. If the
 * send fails, the {@link OutboxRelay} sends it later, so a stored job is never lost.
 */
@Singleton
public class JobSubmission {
    private static final Logger LOG = LoggerFactory.getLogger(JobSubmission.class);

    static final int DEFAULT_MAX_PAGES = 100;
    static final int DEFAULT_MAX_DEPTH = 2;
    static final long DEFAULT_DELAY_MS = 0;
    static final int DEFAULT_CONCURRENCY = 4;
    static final long DEFAULT_TIMEOUT_MS = 30_000;

    private final JobRepository jobs;
    private final JobCommandClient commands;
    private final WebhookSubscriptions subscriptions;

    JobSubmission(JobRepository jobs, JobCommandClient commands, WebhookSubscriptions subscriptions) {
        this.jobs = jobs;
        this.commands = commands;
        this.subscriptions = subscriptions;
    }

    /**
     * Stores and publishes a new job; with an idempotency key that was used before, returns
     * the job made then instead.
     */
    public Job submit(CrawlRequest request, @Nullable String idempotencyKey, ApiCaller caller) {
        return submit(
                request,
                ContentOptions.NONE,
                request.webhook() == null ? null : WebhookSubscription.of(request.webhook()),
                idempotencyKey,
                caller);
    }

    /**
     * As {@link #submit(CrawlRequest, String, ApiCaller)}, with content options and the webhook
     * subscription made by the caller instead of from the request (a compatible API's, in its own
     * dialect).
     */
    public Job submit(
            CrawlRequest request,
            ContentOptions content,
            @Nullable WebhookSubscription subscription,
            @Nullable String idempotencyKey,
            ApiCaller caller) {
        // keys are per caller: one caller's key never finds another caller's job
        String storedKey =
                idempotencyKey == null ? null : (caller.name() == null ? "" : caller.name()) + "/" + idempotencyKey;
        if (storedKey != null) {
            Optional<Job> earlier = jobs.findByIdempotencyKey(storedKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        JobSettings settings = withDefaults(request, content);
        Job job;
        try {
            String webhook = subscription == null ? null : subscriptions.toJson(subscription);
            job = store(settings, storedKey, webhook, caller.name());
        } catch (DataAccessException e) {
            if (storedKey == null) {
                throw e;
            }
            // a concurrent request with the same key stored its job first
            return jobs.findByIdempotencyKey(storedKey).orElseThrow(() -> e);
        }
        try (var id = MDC.putCloseable("crawl.jobId", job.id().toString())) {
            LOG.info("Job {} submitted for {}", job.id(), job.url());
            publish(job);
        }
        return job;
    }

    /** Sends the job's JobSubmitted; false if Kafka did not acknowledge it (the relay retries). */
    boolean publish(Job job) {
        JobSettings settings = EventJson.read(job.request().getBytes(StandardCharsets.UTF_8), JobSettings.class);
        try {
            commands.send(job.id().toString(), EventJson.write(new JobSubmitted(job.id(), settings, job.createdAt())));
            jobs.markPublished(job.id(), Instant.now());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Job {} stored but not yet published: {}", job.id(), e.getMessage());
            return false;
        }
    }

    private Job store(
            JobSettings settings, @Nullable String idempotencyKey, @Nullable String webhook, @Nullable String owner) {
        Job job = Job.pending(
                UUID.randomUUID(),
                settings.url(),
                settings.format().wireName(),
                EventJson.writeString(settings),
                idempotencyKey,
                webhook,
                owner,
                Instant.now());
        return jobs.save(job);
    }

    static JobSettings withDefaults(CrawlRequest request, ContentOptions content) {
        return new JobSettings(
                request.url().trim(),
                orDefault(request.maxPages(), DEFAULT_MAX_PAGES),
                orDefault(request.maxDepth(), DEFAULT_MAX_DEPTH),
                request.format() == null ? OutputFormat.MARKDOWN : OutputFormat.fromWireName(request.format()),
                orDefault(request.delayMs(), DEFAULT_DELAY_MS),
                orDefault(request.concurrency(), DEFAULT_CONCURRENCY),
                orDefault(request.timeoutMs(), DEFAULT_TIMEOUT_MS),
                request.includePaths(),
                request.excludePaths(),
                orDefault(request.allowSubdomains(), false),
                orDefault(request.allowExternalLinks(), false),
                orDefault(request.useSitemap(), false),
                orDefault(request.respectRobots(), true),
                orDefault(request.maxBytes(), JobSettings.DEFAULT_MAX_BYTES),
                orDefault(request.warc(), false),
                content,
                request.render() == null ? RenderMode.NEVER : RenderMode.fromWireName(request.render()),
                request.waitFor(),
                orDefault(request.screenshot(), false));
    }

    private static <T> T orDefault(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }
}
