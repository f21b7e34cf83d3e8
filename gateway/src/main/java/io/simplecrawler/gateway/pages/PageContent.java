package io.simplecrawler.gateway.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.schemas.PageRecord;

/**
 * One page of a job with its content, as crawled: {@code markdown} and {@code title} are the
 * page's own, untrusted text (a client renders them sanitised).
 */
@Serdeable
public record PageContent(
        PageSummary page,
        @Nullable String description,
        @Nullable String language,
        @Nullable Integer wordCount,
        @Nullable Boolean truncated,
        @Nullable String markdown) {

    static PageContent of(PageRecord page) {
        return new PageContent(
                PageSummary.of(page),
                page.description(),
                page.language(),
                page.wordCount(),
                page.truncated(),
                page.markdown());
    }
}
