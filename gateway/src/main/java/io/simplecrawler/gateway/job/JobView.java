package io.simplecrawler.gateway.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.gateway.results.ResultFile;
import io.simplecrawler.gateway.webhook.WebhookSubscription;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A job as the API shows it. */
@Serdeable
public record JobView(
        UUID id,
        String url,
        String status,
        int progress,
        int pagesCrawled,
        int pagesFailed,
        long bytesDownloaded,
        int robotsBlocked,
        int pagesSkipped,
        int linksFiltered,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs,
        @Nullable String error,
        JobSettings request,
        @Nullable WebhookSubscription.WebhookView webhook,
        List<ResultFile> files,
        String resultsUrl) {

    static JobView of(Job job, @Nullable WebhookSubscription.WebhookView webhook, List<ResultFile> files) {
        Long durationMs = job.startedAt() == null ? null
                : Duration.between(job.startedAt(), job.finishedAt() == null ? Instant.now() : job.finishedAt()).toMillis();
        JobSettings request = EventJson.read(job.request().getBytes(StandardCharsets.UTF_8), JobSettings.class);
        return new JobView(job.id(), job.url(), job.status(), job.progress(), job.pagesCrawled(), job.pagesFailed(),
                job.bytesDownloaded(), job.robotsBlocked(), job.pagesSkipped(), job.linksFiltered(),
                job.createdAt(), job.startedAt(), job.finishedAt(), durationMs, job.error(),
                request, webhook, files, "/jobs/" + job.id() + "/results");
    }
}
