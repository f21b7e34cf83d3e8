package io.simplecrawler.crawlstate;

import java.util.List;

/**
 * What one admission call did.
 *
 * @param toFetch       URLs to emit fetch tasks for: newly admitted ones, and on a replay the ones
 *                      this source admitted before that have not settled yet
 * @param admitted      URLs admitted for the job so far
 * @param settled       fetch tasks of the job settled so far
 * @param filtered      links the trap defences kept out of the job so far, each counted once
 * @param newlyFiltered how many of those this call added (0 on a replay)
 */
public record Admission(List<String> toFetch, long admitted, long settled, long filtered, long newlyFiltered) {

    /** Every admitted URL has settled: the crawl is finished. */
    public boolean crawlFinished() {
        return admitted > 0 && settled >= admitted;
    }
}
