package io.simplecrawler.exporter.progress;

/**
 * The SQL that recomputes {@code jobs.progress} inside an {@code UPDATE jobs}: the share of the
 * job's expected pages that are written. While the crawl runs, the expected total is the job's
 * page budget (its admitted count if the budget is unknown): the final count is never larger,
 * so progress never runs ahead of the real share. Once the frontier reports the final count,
 * that is the total. At most 99 (100 is for completion), never below the old value.
 */
final class ProgressColumn {
    private ProgressColumn() {}

    /**
     * @param written  the SQL expression of the job's written page count after the update
     * @param admitted the SQL expression of its admitted count after the update
     * @param total    the SQL expression of its final page count after the update, null while the crawl runs
     * @return the expression, with one parameter after any in the arguments: the job's page budget (0 if unknown)
     */
    static String recomputed(String written, String admitted, String total) {
        return "GREATEST(progress, LEAST(99, (" + written + ")::bigint * 100" + " / GREATEST(COALESCE(" + total
                + ", GREATEST(" + admitted + ", ?)), 1)))";
    }
}
