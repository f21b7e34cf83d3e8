package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * Exactly one per settled fetch task, also for failures and pages without links: the
 * frontier counts these to know when a job's crawl is finished.
 *
 * @param sourceUrl the task's URL, as admitted
 * @param depth     the task's depth; the links are candidates for depth + 1
 * @param links     absolute URLs found on the page, in document order
 */
public record LinksDiscovered(@JsonProperty(required = true) UUID jobId, @JsonProperty(required = true) String sourceUrl, @JsonProperty(required = true) int depth, @JsonProperty(required = true) FetchOutcome outcome, List<String> links) {}
