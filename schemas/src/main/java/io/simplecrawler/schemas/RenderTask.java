package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/**
 * One admitted URL to render in a browser: a {@link FetchTask} that the frontier (render
 * {@code always}) or a fetcher (render {@code auto}, the plain page looked like an application
 * shell) sent to the renderers instead of settling it. The renderer settles it: one page record
 * and one links record, like a fetcher.
 *
 * @param reason why the page is rendered
 */
public record RenderTask(
        @JsonProperty(required = true) UUID jobId,
        @JsonProperty(required = true) String url,
        @JsonProperty(required = true) int depth,
        @JsonProperty(required = true) int attempt,
        @JsonProperty(required = true) Reason reason) {

    /** Why a page is rendered. */
    public enum Reason {
        /** The job renders every page. */
        ALWAYS,
        /** The job renders application shells, and the plain page was one. */
        SHELL
    }

    public static RenderTask of(FetchTask task, Reason reason) {
        return new RenderTask(task.jobId(), task.url(), task.depth(), task.attempt(), reason);
    }

    /** The record's key on crawl.render: the URL's host, in lower case. */
    public String host() {
        return URI.create(url).getHost().toLowerCase(Locale.ROOT);
    }

    /** The fetch task this render settles, as the frontier admitted it. */
    public FetchTask fetchTask() {
        return new FetchTask(jobId, url, depth, attempt);
    }
}
