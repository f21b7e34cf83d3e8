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

/**
 * A job as the API shows it.
 *
 * @param progress      0-100, never decreasing: the share of the job's pages written, out of its
 *                      page budget while the crawl runs and of its final page count after; 100 when completed
 * @param pagesAdmitted URLs the crawl has taken on so far (at most maxPages)
 * @param pagesWritten  page records written to the job's files, whatever their outcome
 * @param pagesQueued   admitted pages not written yet
 */
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
        int pagesAdmitted,
        int pagesWritten,
        int pagesQueued,
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
                job.pagesAdmitted(), job.pagesWritten(), Math.max(0, job.pagesAdmitted() - job.pagesWritten()),
                job.createdAt(), job.startedAt(), job.finishedAt(), durationMs, job.error(),
                request, webhook, files, "/jobs/" + job.id() + "/results");
    }
}
