package io.simplecrawler.schemas;

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
public record LinksDiscovered(UUID jobId, String sourceUrl, int depth, FetchOutcome outcome, List<String> links) {}
