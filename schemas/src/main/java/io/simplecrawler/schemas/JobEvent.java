package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * A record of {@link Topics#EVENTS}: a change in a job's public life, for the gateway's webhooks and
 * downstream readers. The exporter is its only writer; what the frontier tells the exporter travels
 * on {@link Topics#FRONTIER} instead ({@link CrawlFact}).
 *
 * <p>On the wire every event has {@code type} (the upper-case {@link Type} name), {@code jobId},
 * {@code at} and the counts {@code total}, {@code pagesCrawled} and {@code pagesFailed}, which are 0
 * in the events that have no such count.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JobEvent.Started.class, name = "STARTED"),
    @JsonSubTypes.Type(value = JobEvent.PageWritten.class, name = "PAGE"),
    @JsonSubTypes.Type(value = JobEvent.Completed.class, name = "COMPLETED"),
    @JsonSubTypes.Type(value = JobEvent.Failed.class, name = "FAILED"),
    @JsonSubTypes.Type(value = JobEvent.Cancelled.class, name = "CANCELLED")
})
public sealed interface JobEvent {
    UUID jobId();

    Instant at();

    @JsonIgnore
    Type type();

    /** The job's page records, once known: set in {@code COMPLETED} and in {@code FAILED} at the end of a crawl. */
    @JsonProperty("total")
    default long total() {
        return 0;
    }

    /** Page records written with outcome FETCHED. */
    @JsonProperty("pagesCrawled")
    default long pagesCrawled() {
        return 0;
    }

    /** Page records written whose fetch did not succeed. */
    @JsonProperty("pagesFailed")
    default long pagesFailed() {
        return 0;
    }

    enum Type {
        STARTED,
        PAGE,
        COMPLETED,
        FAILED,
        CANCELLED
    }

    /** The exporter wrote the job's first page record: the job is running. */
    record Started(@JsonProperty(required = true) UUID jobId, @JsonProperty(required = true) Instant at)
            implements JobEvent {
        @Override
        public Type type() {
            return Type.STARTED;
        }
    }

    /**
     * The exporter wrote one page record; sent only for jobs whose webhook asks for {@code page} events.
     *
     * @param url   the page's URL, as admitted
     * @param error why the page's fetch failed, or null
     */
    record PageWritten(
            @JsonProperty(required = true) UUID jobId,
            @JsonProperty(required = true) String url,
            String error,
            @JsonProperty(required = true) Instant at)
            implements JobEvent {
        @Override
        public Type type() {
            return Type.PAGE;
        }
    }

    /** Every page record of the job is written and the result files are final. */
    record Completed(
            @JsonProperty(required = true) UUID jobId,
            long total,
            long pagesCrawled,
            long pagesFailed,
            @JsonProperty(required = true) Instant at)
            implements JobEvent {
        @Override
        public Type type() {
            return Type.COMPLETED;
        }
    }

    /**
     * The job cannot finish.
     *
     * @param total       the job's page count when its crawl had finished, else 0
     * @param pagesFailed the failed pages when its crawl had finished, else 0
     * @param error       why, in words for people
     */
    record Failed(
            @JsonProperty(required = true) UUID jobId,
            long total,
            long pagesFailed,
            String error,
            @JsonProperty(required = true) Instant at)
            implements JobEvent {
        /** A job that failed before its crawl finished. */
        public Failed(UUID jobId, String error, Instant at) {
            this(jobId, 0, 0, error, at);
        }

        @Override
        public Type type() {
            return Type.FAILED;
        }
    }

    /** A client cancelled the job and its crawl has stopped. */
    record Cancelled(@JsonProperty(required = true) UUID jobId, @JsonProperty(required = true) Instant at)
            implements JobEvent {
        @Override
        public Type type() {
            return Type.CANCELLED;
        }
    }
}
