package io.simplecrawler.gateway.firecrawl;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.gateway.job.Job;
import java.util.List;

/**
 * Firecrawl's answer to {@code GET /v2/crawl/{id}} (and v1's).
 *
 * @param status      {@code scraping} while the job is pending or running, then {@code completed},
 *                    {@code failed} or {@code cancelled}
 * @param completed   pages fetched and converted so far (the documents there are)
 * @param total       pages the crawl will have: the final count once known, else those taken on so far
 * @param creditsUsed one per page fetched, as Firecrawl counts them
 * @param next        the absolute URL of the following documents, present only while more are there
 *                    now (the v1 SDK follows {@code next} as long as the field exists)
 * @param data        documents, at most 100 and 10 MB of them
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrawlStatus(
        boolean success,
        String status,
        int completed,
        int total,
        int creditsUsed,
        @Nullable String next,
        List<Document> data) {

    static CrawlStatus of(Job job, List<Document> data, @Nullable String next) {
        String status =
                switch (job.status()) {
                    case PENDING, RUNNING -> "scraping";
                    case COMPLETED -> "completed";
                    case FAILED -> "failed";
                    case CANCELLED -> "cancelled";
                };
        int total = job.pagesTotal() != null ? job.pagesTotal() : Math.max(job.pagesAdmitted(), job.pagesWritten());
        return new CrawlStatus(true, status, job.pagesCrawled(), total, job.pagesCrawled(), next, data);
    }
}
