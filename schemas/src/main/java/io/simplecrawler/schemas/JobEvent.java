package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A change in a job's life. {@code CRAWLED} comes from the frontier when every admitted URL
 * has settled, with {@code total} the number of page records the exporter must write;
 * the others come from the exporter.
 *
 * <p>{@code PAGE} events, one per page record written, come from the exporter and carry the
 * page's {@code url}, and its {@code error} when the fetch failed; their counts are 0.
 *
 * <p>The counters {@code robotsBlocked}, {@code skipped} and {@code filtered} are null when the
 * event's producer does not know them: the frontier knows {@code filtered} (links not admitted
 * by the trap defences), the exporter counts {@code robotsBlocked} and {@code skipped} from the
 * page records' outcomes ({@link FetchOutcome#BLOCKED}, {@link FetchOutcome#SKIPPED}).
 */
public record JobEvent(@JsonProperty(required = true) UUID jobId, @JsonProperty(required = true) Type type, long total, long pagesCrawled, long pagesFailed, String error, @JsonProperty(required = true) Instant at,
                       Long robotsBlocked, Long skipped, Long filtered, String url) {

    /** An event about the job as a whole, with the robots, skipped and filtered counters. */
    public JobEvent(UUID jobId, Type type, long total, long pagesCrawled, long pagesFailed, String error, Instant at,
                    Long robotsBlocked, Long skipped, Long filtered) {
        this(jobId, type, total, pagesCrawled, pagesFailed, error, at, robotsBlocked, skipped, filtered, null);
    }

    /** An event without the robots, skipped and filtered counters. */
    public JobEvent(UUID jobId, Type type, long total, long pagesCrawled, long pagesFailed, String error, Instant at) {
        this(jobId, type, total, pagesCrawled, pagesFailed, error, at, null, null, null);
    }

    public enum Type {
        STARTED,
        PROGRESS,
        CRAWLED,
        COMPLETED,
        FAILED,
        CANCELLED,
        /** The exporter wrote one page record; {@code url} names it. Webhooks deliver these as "page". */
        PAGE
    }

    public static JobEvent crawled(UUID jobId, long total) {
        return new JobEvent(jobId, Type.CRAWLED, total, 0, 0, null, Instant.now());
    }

    /** The frontier's CRAWLED event, with the number of links its trap defences filtered out. */
    public static JobEvent crawled(UUID jobId, long total, long filtered) {
        return new JobEvent(jobId, Type.CRAWLED, total, 0, 0, null, Instant.now(), null, null, filtered);
    }
}
