package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * One admitted URL to fetch. {@code attempt} is 1 when the frontier admits the URL, and
 * {@link #REDRIVEN} when it re-emits the task of a stalled job: the fetcher then fetches it even if
 * its records were published before, since their settlement may be what was lost.
 */
public record FetchTask(
        @JsonProperty(required = true) UUID jobId,
        @JsonProperty(required = true) String url,
        @JsonProperty(required = true) int depth,
        @JsonProperty(required = true) int attempt) {
    /** The attempt of a task the frontier re-emitted for a stalled job. */
    public static final int REDRIVEN = 2;

    /** Whether the frontier re-emitted this task for a stalled job. */
    public boolean isRedriven() {
        return attempt >= REDRIVEN;
    }
}
