package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A change in a job's life. {@code CRAWLED} comes from the frontier when every admitted URL
 * has settled, with {@code total} the number of page records the exporter must write;
 * the others come from the exporter.
 */
public record JobEvent(@JsonProperty(required = true) UUID jobId, @JsonProperty(required = true) Type type, long total, long pagesCrawled, long pagesFailed, String error, @JsonProperty(required = true) Instant at) {

    public enum Type {
        STARTED,
        PROGRESS,
        CRAWLED,
        COMPLETED,
        FAILED,
        CANCELLED
    }

    public static JobEvent crawled(UUID jobId, long total) {
        return new JobEvent(jobId, Type.CRAWLED, total, 0, 0, null, Instant.now());
    }
}
