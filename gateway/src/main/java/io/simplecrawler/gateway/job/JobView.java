package io.simplecrawler.gateway.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.crawlstate.TasksHeld;
import io.simplecrawler.gateway.webhook.WebhookSubscription;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job as the API shows it.
 *
 * @param progress      0-100, never decreasing: the share of the job's pages written, out of its
 *                      page budget while the crawl runs and of its final page count after; 100 when completed
 * @param pagesAdmitted URLs the crawl has taken on so far (at most maxPages)
 * @param pagesWritten  page records written to the job's files, whatever their outcome
 * @param pagesQueued   admitted pages not written yet
 * @param stalled       the job is open and has written no page for the exporter's
 *                      {@code exporter.watchdog.stall-after}; it fails if that lasts {@code fail-after}
 * @param stalledSince  when it last wrote a page (or was published), while stalled
 * @param tasksHeld     while the job is open: its fetch tasks that fetchers have taken and not
 *                      settled; null when unknown (Redis away)
 * @param heldBy        while the job is open: per fetcher, the tasks it holds and when it last settled one
 * @param consumerLag   while the job is stalled: records not yet consumed per topic (all jobs), the
 *                      other place its work can sit
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
        boolean stalled,
        @Nullable Instant stalledSince,
        @Nullable Integer tasksHeld,
        @Nullable List<TasksHeld> heldBy,
        @Nullable Map<String, Long> consumerLag,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs,
        @Nullable String error,
        JobSettings request,
        @Nullable WebhookSubscription.WebhookView webhook,
        List<ResultFile> files,
        String resultsUrl) {

    /** Where an open job's work sits: what fetchers hold (null if unknown) and, if it is stalled, the topics' lag. */
    record WorkInFlight(@Nullable List<TasksHeld> heldBy, @Nullable Map<String, Long> consumerLag) {
        static final WorkInFlight NONE = new WorkInFlight(null, null);
    }

    static boolean isOpen(Job job) {
        return !job.status().isFinal();
    }

    static boolean isStalled(Job job) {
        return job.stalledSince() != null && isOpen(job);
    }

    static JobView of(
            Job job, @Nullable WebhookSubscription.WebhookView webhook, List<ResultFile> files, WorkInFlight work) {
        Long durationMs = job.startedAt() == null
                ? null
                : Duration.between(job.startedAt(), job.finishedAt() == null ? Instant.now() : job.finishedAt())
                        .toMillis();
        boolean stalled = isStalled(job);
        Integer tasksHeld = work.heldBy() == null
                ? null
                : work.heldBy().stream().mapToInt(TasksHeld::tasks).sum();
        JobSettings request = EventJson.read(job.request().getBytes(StandardCharsets.UTF_8), JobSettings.class);
        return new JobView(
                job.id(),
                job.url(),
                job.status().wireName(),
                job.progress(),
                job.pagesCrawled(),
                job.pagesFailed(),
                job.bytesDownloaded(),
                job.robotsBlocked(),
                job.pagesSkipped(),
                job.linksFiltered(),
                job.pagesAdmitted(),
                job.pagesWritten(),
                Math.max(0, job.pagesAdmitted() - job.pagesWritten()),
                stalled,
                stalled ? job.stalledSince() : null,
                tasksHeld,
                work.heldBy(),
                work.consumerLag(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                durationMs,
                job.error(),
                request,
                webhook,
                files,
                "/jobs/" + job.id() + "/results");
    }
}
