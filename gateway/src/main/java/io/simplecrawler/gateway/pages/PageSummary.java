package io.simplecrawler.gateway.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.schemas.PageRecord;
import java.time.Instant;

/** A page of a job's list: what it was and how its fetch went, without its content. */
@Serdeable
public record PageSummary(
        String url,
        @Nullable String finalUrl,
        int depth,
        String outcome,
        int status,
        @Nullable String contentType,
        @Nullable Instant fetchedAt,
        long fetchMs,
        long bytes,
        @Nullable String title,
        @Nullable String error) {

    static PageSummary of(PageRecord page) {
        return new PageSummary(
                page.url(),
                page.finalUrl(),
                page.depth(),
                page.outcome().name(),
                page.status(),
                page.contentType(),
                page.fetchedAt(),
                page.fetchMs(),
                page.bytes(),
                page.title(),
                page.error());
    }
}
