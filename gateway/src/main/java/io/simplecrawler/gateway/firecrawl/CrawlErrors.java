package io.simplecrawler.gateway.firecrawl;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.schemas.PageRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Firecrawl's answer to {@code GET /v2/crawl/{id}/errors}.
 *
 * @param errors        pages that failed or that the SSRF guard kept the crawl from
 * @param robotsBlocked URLs robots.txt disallows (or whose host's robots.txt could not be read)
 */
@Serdeable
public record CrawlErrors(List<CrawlError> errors, List<String> robotsBlocked) {

    /**
     * One failed page.
     *
     * @param id   stable for the job and URL
     * @param code the page's outcome ({@code FAILED}, {@code BLOCKED}) and HTTP status when one came
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CrawlError(String id, @Nullable String timestamp, String url, String code, @Nullable String error) {

        static CrawlError of(UUID jobId, PageRecord page) {
            return new CrawlError(
                    UUID.nameUUIDFromBytes((jobId + " " + page.url()).getBytes(StandardCharsets.UTF_8))
                            .toString(),
                    page.fetchedAt() == null ? null : page.fetchedAt().toString(),
                    page.url(),
                    page.status() > 0
                            ? page.outcome() + "_" + page.status()
                            : page.outcome().name(),
                    page.error());
        }
    }
}
