package io.simplecrawler.frontier.crawl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.simplecrawler.crawlscope.CrawlScope;
import io.simplecrawler.crawlstate.Admission;
import io.simplecrawler.crawlstate.AdmissionScript;
import io.simplecrawler.crawlstate.StoppedCrawls;
import io.simplecrawler.crawlstate.UnsettledTasks;
import io.simplecrawler.frontier.admission.LinkCandidates;
import io.simplecrawler.schemas.CrawlCancelled;
import io.simplecrawler.schemas.CrawlFinished;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobRejected;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.JobStalled;
import io.simplecrawler.schemas.JobSubmitted;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.RenderMode;
import io.simplecrawler.schemas.RenderTask;
import io.simplecrawler.schemas.UrlsAdmitted;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Breadth-first expansion of a job: the seed is depth 0, links of a page at depth d are
 * candidates for depth d + 1 while d + 1 <= maxDepth (the sitemap links the fetcher reports
 * with the seed too, so they come in at depth 1), admitted while the job has fewer than
 * maxPages URLs, if the job's {@link CrawlScope} takes them. The crawl is finished when every
 * admitted URL has settled (invariant 2). Every crawl ends stopped ({@link StoppedCrawls}):
 * finished, cancelled, rejected, or failed because Redis lost its state; its keys then expire.
 */
@Singleton
public class CrawlFrontier {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlFrontier.class);
    /** Why a job fails whose crawl state vanished from Redis before the frontier stopped its crawl. */
    public static final String STATE_LOST = "crawl state lost: Redis was emptied or restarted without persistence";

    private final AdmissionScript admission;
    private final JobContexts contexts;
    private final StoppedCrawls stopped;
    private final UnsettledTasks unsettledTasks;
    private final Counter admittedUrls;
    private final Counter settledTasks;
    private final Counter crawledJobs;
    private final Counter lostJobs;
    private final Counter redrivenTasks;

    CrawlFrontier(
            AdmissionScript admission,
            JobContexts contexts,
            StoppedCrawls stopped,
            UnsettledTasks unsettledTasks,
            MeterRegistry meters) {
        this.admission = admission;
        this.contexts = contexts;
        this.stopped = stopped;
        this.unsettledTasks = unsettledTasks;
        this.admittedUrls = counter(meters, "urls.admitted", "URLs admitted to a job's crawl and sent to crawl.fetch");
        this.settledTasks =
                counter(meters, "tasks.settled", "Fetch tasks settled (one links record each, counted once)");
        this.crawledJobs = counter(meters, "jobs.crawled", "Crawls finished: every admitted URL settled");
        this.lostJobs = counter(meters, "jobs.state.lost", "Jobs stopped because Redis lost their crawl state");
        this.redrivenTasks = counter(meters, "tasks.redriven", "Unsettled fetch tasks re-emitted for stalled jobs");
    }

    private static Counter counter(MeterRegistry meters, String what, String description) {
        return Counter.builder("simplecrawler.frontier." + what)
                .description(description)
                .register(meters);
    }

    public void onSubmitted(JobSubmitted job, FrontierOutput out) {
        UUID jobId = job.jobId();
        if (jobId == null || job.settings() == null) {
            throw new MalformedEventException("JobSubmitted without jobId or settings");
        }
        JobContext context;
        try {
            context = JobContext.of(job.settings());
        } catch (IllegalArgumentException e) {
            fail(jobId, e.getMessage(), out);
            return;
        }
        Optional<String> seed = CrawlScope.normalise(job.settings().url());
        if (seed.isEmpty() || job.settings().maxPages() < 1) {
            fail(
                    jobId,
                    seed.isEmpty() ? "invalid seed URL: " + job.settings().url() : "maxPages must be at least 1",
                    out);
            return;
        }
        if (stopped.isStopped(jobId)) {
            LOG.info("Job {} is stopped: its submission, replayed or after a cancel, starts nothing", jobId);
            return;
        }
        contexts.save(jobId, context);
        Admission result = admission.admitSeed(jobId, seed.get(), job.settings().maxPages());
        LOG.info("Job {} admitted seed {}", jobId, seed);
        emit(job.settings(), jobId, 0, result, out);
    }

    /**
     * Ends a job that cannot go on, e.g. whose submission the frontier could not process: its
     * crawl is stopped (before any output, so that a retry forwards nothing twice) and it fails.
     */
    public void fail(UUID jobId, String reason, FrontierOutput out) {
        stopped.finish(jobId, "failed: " + reason);
        LOG.info("Job {} failed: {}", jobId, reason);
        out.fact(new JobRejected(jobId, reason, Instant.now()));
    }

    public void onCancelled(JobCancelled command, FrontierOutput out) {
        stopped.cancel(command.jobId());
        LOG.info("Job {} cancelled", command.jobId());
        out.fact(new CrawlCancelled(command.jobId(), Instant.now()));
    }

    /**
     * Re-emits the fetch task of every URL the stalled job admitted and has not settled, in case
     * one was lost; a stopped crawl's are not (a cancel settles them), and a job whose state is
     * gone from Redis fails as in {@link #onLinks}.
     */
    public void onStalled(JobStalled stalled, FrontierOutput out) {
        UUID jobId = stalled.jobId();
        if (stopped.isStopped(jobId)) {
            LOG.info("Job {} stalled since {}: its crawl is stopped, nothing to re-drive", jobId, stalled.since());
            return;
        }
        var context = contexts.find(jobId);
        if (context.isEmpty()) {
            lostJobs.increment();
            fail(jobId, STATE_LOST, out);
            return;
        }
        List<FetchTask> tasks = unsettledTasks.of(jobId);
        LOG.warn(
                "Job {} stalled since {}: re-emitting the fetch tasks of its {} unsettled URLs",
                jobId,
                stalled.since(),
                tasks.size());
        tasks.forEach(task -> dispatch(context.get().settings(), task, out));
        redrivenTasks.increment(tasks.size());
    }

    public void onLinks(LinksDiscovered links, FrontierOutput out) {
        UUID jobId = links.jobId();
        var context = contexts.find(jobId);
        if (context.isEmpty()) {
            stateGone(jobId, out);
            return;
        }
        if (links.depth() < 0) {
            throw new MalformedEventException("links of a page at negative depth " + links.depth());
        }
        var jobSettings = context.get().settings();
        // not depth + 1 <= maxDepth, which overflows for a depth of Integer.MAX_VALUE
        boolean expand = links.depth() < jobSettings.maxDepth() && !stopped.isStopped(jobId);
        int childDepth = expand ? links.depth() + 1 : links.depth();
        LinkCandidates candidates =
                expand ? LinkCandidates.sort(context.get().scope(), found(links)) : LinkCandidates.NONE;
        Optional<Admission> settled = admission.settle(
                jobId, links.sourceUrl(), jobSettings.maxPages(), candidates.admissible(), candidates.filtered());
        if (settled.isEmpty()) {
            stateGone(jobId, out);
            return;
        }
        Admission result = settled.get();
        if (result.crawlFinished()) {
            stopped.finish(jobId, "crawled"); // a Redis call: before any output, so that a retry forwards nothing twice
        }
        settledTasks.increment();
        emit(jobSettings, jobId, childDepth, result, out);
        if (result.crawlFinished()) {
            crawledJobs.increment();
            LOG.info("Job {} crawled: {} URLs settled", jobId, result.admitted());
            out.fact(new CrawlFinished(jobId, result.admitted(), result.filtered(), Instant.now()));
        }
    }

    /**
     * A links record of a job whose crawl state is gone from Redis. If the crawl was stopped, the
     * record is late (a replay, a task settled after a cancel) and changes nothing. Otherwise
     * Redis lost the state (emptied, or restarted without persistence): the job's pages can no
     * longer be accounted for, so it fails with the reason, once (the failure stops the crawl, so
     * its other records are late ones), and the record is dead-lettered. A record of a job the
     * frontier never knew looks the same and ends the same way.
     */
    private void stateGone(UUID jobId, FrontierOutput out) {
        if (stopped.isStopped(jobId)) {
            LOG.debug("Links of job {}, whose crawl is stopped: nothing to do", jobId);
            return;
        }
        lostJobs.increment();
        fail(jobId, STATE_LOST, out);
        throw new MalformedEventException("links of job " + jobId + ", whose crawl state is gone: " + STATE_LOST);
    }

    private static List<String> found(LinksDiscovered links) {
        List<String> found = new ArrayList<>();
        if (links.links() != null) {
            found.addAll(links.links());
        }
        if (links.sitemapLinks() != null) {
            found.addAll(links.sitemapLinks());
        }
        return found;
    }

    private void emit(JobSettings settings, UUID jobId, int depth, Admission result, FrontierOutput out) {
        for (String url : result.toFetch()) {
            dispatch(settings, new FetchTask(jobId, url, depth, 1), out);
        }
        admittedUrls.increment(result.toFetch().size());
        if (!result.toFetch().isEmpty() || result.newlyFiltered() > 0) {
            out.fact(new UrlsAdmitted(jobId, result.admitted(), result.filtered(), Instant.now()));
        }
    }

    /** A job that renders every page sends its tasks to the renderers; any other to the fetchers. */
    private static void dispatch(JobSettings settings, FetchTask task, FrontierOutput out) {
        if (settings.render() == RenderMode.ALWAYS) {
            RenderTask render = RenderTask.of(task, RenderTask.Reason.ALWAYS);
            out.render(render.host(), render);
        } else {
            out.fetch(host(task.url()), task);
        }
    }

    private static String host(String url) {
        return URI.create(url).getHost().toLowerCase(Locale.ROOT);
    }
}
