package io.simplecrawler.gateway.firecrawl;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The small answers of Firecrawl's crawl routes. */
final class FirecrawlAnswers {
    private FirecrawlAnswers() {}

    /**
     * {@code POST /v2/crawl}'s answer.
     *
     * @param url where the crawl's status is read
     */
    @Serdeable
    record CrawlStarted(boolean success, String id, String url) {}

    /** {@code POST /v2/scrape}'s answer: the page's document. */
    @Serdeable
    record Scraped(boolean success, Document data) {}

    /** {@code POST /v2/map}'s answer. */
    @Serdeable
    record Mapped(boolean success, List<MapLink> links) {}

    /** {@code POST /v1/map}'s answer: the URLs alone. */
    @Serdeable
    record MappedV1(boolean success, List<String> links) {}

    /** {@code DELETE /v2/crawl/{id}}'s answer. */
    @Serdeable
    record CrawlCancelled(boolean success, String status) {}

    /** {@code GET /v2/crawl/active}'s answer: the caller's pending and running crawls. */
    @Serdeable
    record ActiveCrawls(boolean success, List<ActiveCrawl> crawls) {}

    /** @param teamId the API key's name that owns the job, "open" in open mode */
    @Serdeable
    record ActiveCrawl(String id, String teamId, String url) {}

    /**
     * Firecrawl's error shape, which its SDKs read the message from.
     *
     * @param details the refused fields and why, when a request had any
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Failure(boolean success, String error, @Nullable List<FieldProblem> details) {}

    /** A refused field of a request. */
    @Serdeable
    record FieldProblem(String field, String message) {}
}
