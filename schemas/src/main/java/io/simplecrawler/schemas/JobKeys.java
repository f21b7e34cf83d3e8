package io.simplecrawler.schemas;

import java.util.UUID;

/**
 * Redis keys shared between services. The frontier writes a job's settings when it admits
 * the seed; fetchers read them. Per-job keys share a hash tag ({jobId}) so that a Lua
 * script can touch them all on one Redis Cluster slot.
 */
public final class JobKeys {
    /** Set of cancelled job ids: frontier and fetchers start no new work for them. */
    public static final String CANCELLED = "crawl:cancelled";

    private JobKeys() {}

    /** String: the job's {@link JobSettings} as JSON. */
    public static String settings(UUID jobId) {
        return "crawl:{" + jobId + "}:settings";
    }

    /** Hash: admitted URL to the URL of the page it was found on ("" for the seed). */
    public static String admitted(UUID jobId) {
        return "crawl:{" + jobId + "}:admitted";
    }

    /** Set: admitted URLs whose fetch task has settled. */
    public static String settled(UUID jobId) {
        return "crawl:{" + jobId + "}:settled";
    }

    /**
     * Hash: a URL that some task's page already covers (a redirect target it followed, or the
     * canonical URL it declared) to that task's URL. Written by fetchers; the frontier admits
     * no URL found here, so one page is not fetched under two spellings.
     */
    public static String claimed(UUID jobId) {
        return "crawl:{" + jobId + "}:claimed";
    }

    /** Set: in-scope links the frontier's trap defences did not admit (too long, repeated path segments). */
    public static String filtered(UUID jobId) {
        return "crawl:{" + jobId + "}:filtered";
    }
}
