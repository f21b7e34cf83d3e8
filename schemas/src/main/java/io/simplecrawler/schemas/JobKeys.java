package io.simplecrawler.schemas;

import java.util.List;
import java.util.UUID;

/**
 * Every Redis key of the pipeline, named here and nowhere else. The frontier writes a job's
 * settings when it admits the seed; fetchers read them. Per-job keys share a hash tag ({jobId})
 * so that a Lua script can touch them all on one Redis Cluster slot. No per-job key lives for
 * ever: the frontier gives the crawl state of a finished crawl a short time to live
 * ({@link #crawlState}), and the others carry their own.
 */
public final class JobKeys {
    private JobKeys() {}

    /**
     * The keys of a job's crawl state, which the frontier lets expire once the crawl is finished
     * (its robots.txt copies and webhook mark expire by their own time to live).
     */
    public static List<String> crawlState(UUID jobId) {
        return List.of(settings(jobId), admitted(jobId), settled(jobId), claimed(jobId), filtered(jobId),
                published(jobId), cancelled(jobId));
    }

    /** String, present once the job is cancelled: the frontier and fetchers start no new work for it. */
    public static String cancelled(UUID jobId) {
        return "crawl:{" + jobId + "}:cancelled";
    }

    /** Set: URLs of the job's tasks whose page and links records Kafka has acknowledged (fetchers). */
    public static String published(UUID jobId) {
        return "crawl:{" + jobId + "}:published";
    }

    /**
     * Hash: fetcher instance to its {@link TasksHeld} for the job as JSON, rewritten every few
     * seconds by each fetcher that holds or recently settled the job's tasks, with a short time to live.
     */
    public static String tasksHeld(UUID jobId) {
        return "crawl:{" + jobId + "}:held";
    }

    /** String: the job's copy of an origin's robots.txt, with a time to live (fetchers). */
    public static String robots(UUID jobId, String origin) {
        return "crawl:{" + jobId + "}:robots:" + origin;
    }

    /** String: the job's terminal webhook event was delivered (gateway), with a time to live. */
    public static String webhookTerminal(UUID jobId) {
        return "crawl:{" + jobId + "}:webhook-terminal";
    }

    /** Counter: submissions of an API key in one minute (gateway), with a time to live. */
    public static String submissions(String caller, long minute) {
        return "crawl:submissions:{" + caller + "}:" + minute;
    }

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
