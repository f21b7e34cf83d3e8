package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.fetcher.archive.ExchangeCapture;
import io.simplecrawler.fetcher.parse.ParsedPage;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.PageRecord;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

/** The three ways a task settles, as page records. */
final class PageRecords {
    private PageRecords() {}

    /** Nothing was requested: the job was cancelled or is unknown. */
    static PageRecord cancelled(FetchTask task, String reason) {
        return new PageRecord(task.jobId(), task.url(), task.url(), task.depth(), FetchOutcome.CANCELLED, 0, null,
                Instant.now(), 0, 0, null, null, null, List.of(), reason);
    }

    /** No response arrived: timeout, connection error, invalid URL. */
    static PageRecord unanswered(FetchTask task, Instant fetchedAt, long fetchMs, String error) {
        return new PageRecord(task.jobId(), task.url(), task.url(), task.depth(), FetchOutcome.FAILED, 0, null,
                fetchedAt, fetchMs, 0, null, null, null, List.of(), error);
    }

    /**
     * A response arrived: FETCHED for 2xx, FAILED ("HTTP 404") otherwise. {@code bytes} counts
     * the body bytes read, which is 0 where the body was not needed (not HTML, not 2xx).
     *
     * @param page    the parsed page, or null when the body was not parsed (not HTML, not 2xx)
     * @param capture whether to keep the HTTP exchanges for the job's WARC file
     */
    static PageRecord answered(FetchTask task, HttpResponse<byte[]> response, Instant fetchedAt, long fetchMs,
                               ParsedPage page, boolean capture) {
        boolean success = isSuccess(response.statusCode());
        String finalUrl = response.uri().toString();
        boolean parsed = page != null;
        return new PageRecord(task.jobId(), task.url(), finalUrl, task.depth(),
                success ? FetchOutcome.FETCHED : FetchOutcome.FAILED, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), fetchedAt, fetchMs, response.body().length,
                parsed ? page.title() : null,
                parsed ? page.text() : null,
                parsed ? page.markdown() : null,
                parsed ? page.links() : List.of(),
                success ? null : "HTTP " + response.statusCode(),
                null,
                null,
                parsed && page.canonical() != null && !page.canonical().equals(finalUrl) ? page.canonical() : null,
                parsed ? page.description() : null,
                parsed ? page.language() : null,
                parsed ? page.headings() : null,
                parsed ? page.wordCount() : null,
                parsed ? page.internalLinks() : null,
                parsed ? page.externalLinks() : null,
                parsed ? page.readable() : null,
                parsed ? page.summary() : null,
                capture ? ExchangeCapture.of(response, parsed) : null);
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}
