package io.simplecrawler.exporter.progress;

/** The text of {@code jobs.error}. */
public final class JobError {
    private JobError() {}

    /**
     * A job's error as Postgres can store it: a text column refuses NUL characters, and a
     * failure that cannot be recorded would leave the job open forever.
     */
    public static String storable(String error) {
        return error.replace('\0', ' ');
    }
}
