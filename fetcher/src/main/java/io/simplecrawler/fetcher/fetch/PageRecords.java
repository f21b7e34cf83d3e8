package io.simplecrawler.fetcher.fetch;

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
     * @param page the parsed page, or null when the body was not parsed (not HTML, not 2xx)
     */
    static PageRecord answered(FetchTask task, HttpResponse<byte[]> response, Instant fetchedAt, long fetchMs, ParsedPage page) {
        boolean success = isSuccess(response.statusCode());
        return new PageRecord(task.jobId(), task.url(), response.uri().toString(), task.depth(),
                success ? FetchOutcome.FETCHED : FetchOutcome.FAILED, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), fetchedAt, fetchMs, response.body().length,
                page == null ? null : page.title(),
                page == null ? null : page.text(),
                page == null ? null : page.markdown(),
                page == null ? List.of() : page.links(),
                success ? null : "HTTP " + response.statusCode());
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}
