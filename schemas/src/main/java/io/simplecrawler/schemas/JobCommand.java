package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/** A record of {@link Topics#JOBS}: a job was submitted or cancelled, or has stalled. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JobSubmitted.class, name = "submitted"),
    @JsonSubTypes.Type(value = JobCancelled.class, name = "cancelled"),
    @JsonSubTypes.Type(value = JobStalled.class, name = "stalled")
})
public sealed interface JobCommand permits JobSubmitted, JobCancelled, JobStalled {
    UUID jobId();
}
