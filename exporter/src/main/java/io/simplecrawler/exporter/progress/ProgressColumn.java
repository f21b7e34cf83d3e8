package io.simplecrawler.exporter.progress;

/** The SQL that recomputes {@code jobs.progress} inside an {@code UPDATE jobs}. */
final class ProgressColumn {
    private ProgressColumn() {}

    /**
     * @param admitted the SQL expression of the admitted count to divide by
     * @return written * 100 / admitted, at most 99 (100 is for completion), never below the old value
     */
    static String recomputed(String admitted) {
        return "GREATEST(progress, LEAST(99, (SELECT count(*) FROM exported_pages e WHERE e.job_id = jobs.id) * 100"
                + " / GREATEST(" + admitted + ", 1)))";
    }
}
