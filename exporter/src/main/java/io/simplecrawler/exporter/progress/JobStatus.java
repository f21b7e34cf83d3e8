package io.simplecrawler.exporter.progress;

/** The values of {@code jobs.status} the exporter reads; the SQL spells them the same way. */
public final class JobStatus {
    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    private JobStatus() {}

    /** Whether the job may still move to completed or failed: cancelled, failed and completed jobs stay as they are. */
    public static boolean isOpen(String status) {
        return PENDING.equals(status) || RUNNING.equals(status);
    }
}
