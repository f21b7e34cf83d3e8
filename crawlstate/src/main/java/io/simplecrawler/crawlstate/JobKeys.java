package io.simplecrawler.crawlstate;

import io.simplecrawler.schemas.JobSettings;
import java.util.List;
import java.util.UUID;

/**
 * Every Redis key of the pipeline, named here and nowhere else (services go through the typed
 * operations of this package; tests may read the keys). Per-job keys share a hash tag ({jobId})
 * so that a Lua script can touch them all on one Redis Cluster slot. No per-job key lives for
 * ever: once the frontier stops a crawl ({@link StoppedCrawls}) its {@link #crawlState} expires
 * soon and its {@link #stopped} mark later; the others carry their own time to live.
 */
public final class JobKeys {
    private JobKeys() {}

    /**
     * The keys of a job's crawl state, which expire soon after the frontier stops the crawl
     * (its stop mark outlives them; robots.txt copies and the webhook mark have their own time to live).
     */
    public static List<String> crawlState(UUID jobId) {
        return List.of(
                settings(jobId), admitted(jobId), settled(jobId), claimed(jobId), filtered(jobId), published(jobId));
    }

    /**
     * String, present once the frontier stopped the job's crawl (cancelled, rejected, finished or
     * its state lost), with the reason: the frontier admits nothing more for it and fetchers start
     * no request. It outlives the rest of the crawl state, so that a late record of a stopped crawl
     * is told apart from one whose state Redis lost.
     */
    public static String stopped(UUID jobId) {
        return "crawl:{" + jobId + "}:stopped";
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
