package io.simplecrawler.frontier.admission;

import java.util.List;

/**
 * What one admission call did.
 *
 * @param toFetch  URLs to emit fetch tasks for: newly admitted ones, and on a replay the ones
 *                 this source admitted before that have not settled yet
 * @param admitted URLs admitted for the job so far
 * @param settled  fetch tasks of the job settled so far
 */
public record Admission(List<String> toFetch, long admitted, long settled) {

    /** Every admitted URL has settled: the crawl is finished. */
    public boolean crawlFinished() {
        return admitted > 0 && settled >= admitted;
    }
}
