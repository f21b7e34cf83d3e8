package io.simplecrawler.gateway.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.schemas.JobStatus;
import java.util.UUID;

/** The data of one {@code progress} server-sent event: what changed about a job. */
@Serdeable
public record JobProgress(
        UUID id,
        String status,
        int progress,
        int pagesCrawled,
        int pagesFailed,
        long bytesDownloaded,
        @Nullable String error) {
    static JobProgress of(Job job) {
        return new JobProgress(
                job.id(),
                job.status().wireName(),
                job.progress(),
                job.pagesCrawled(),
                job.pagesFailed(),
                job.bytesDownloaded(),
                job.error());
    }

    boolean finished() {
        return JobStatus.fromWireName(status).isFinal();
    }
}
