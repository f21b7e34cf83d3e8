package io.simplecrawler.gateway.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.simplecrawler.schemas.JobStatus;
import java.time.Instant;
import java.util.UUID;

/** A row of the {@code jobs} table (see schemas' db/migration); {@code webhook} holds a secret: never show it. */
@MappedEntity("jobs")
public record Job(
        @Id UUID id,
        String url,
        @MappedProperty(converter = JobStatusColumn.class) JobStatus status,
        String format,
        String request,
        @Nullable String idempotencyKey,
        @Nullable Instant publishedAt,
        int pagesAdmitted,
        @Nullable Integer pagesTotal,
        int pagesCrawled,
        int pagesFailed,
        long bytesDownloaded,
        int progress,
        @Nullable String error,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String webhook,
        @Nullable String owner,
        int robotsBlocked,
        int pagesSkipped,
        int linksFiltered,
        int pagesWritten,
        @Nullable Instant lastProgressAt,
        @Nullable Instant stalledSince) {

    /** A new job, not yet published. */
    static Job pending(
            UUID id,
            String url,
            String format,
            String request,
            @Nullable String idempotencyKey,
            @Nullable String webhook,
            @Nullable String owner,
            Instant now) {
        return new Job(
                id,
                url,
                JobStatus.PENDING,
                format,
                request,
                idempotencyKey,
                null,
                0,
                null,
                0,
                0,
                0,
                0,
                null,
                now,
                null,
                null,
                webhook,
                owner,
                0,
                0,
                0,
                0,
                null,
                null);
    }
}
