package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.schemas.FetchTask;
import org.slf4j.MDC;

/** Puts a task's job id and URL into the MDC ({@code crawl.jobId}, {@code crawl.url}) until closed. */
final class TaskLogContext implements AutoCloseable {
    private final MDC.MDCCloseable job;
    private final MDC.MDCCloseable url;

    private TaskLogContext(FetchTask task) {
        this.job = MDC.putCloseable("crawl.jobId", String.valueOf(task.jobId()));
        this.url = MDC.putCloseable("crawl.url", task.url());
    }

    static TaskLogContext of(FetchTask task) {
        return new TaskLogContext(task);
    }

    @Override
    public void close() {
        url.close();
        job.close();
    }
}
