package io.simplecrawler.frontier.crawl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.simplecrawler.frontier.admission.Admission;
import io.simplecrawler.frontier.admission.AdmissionScript;
import io.simplecrawler.frontier.admission.LinkCandidates;
import io.simplecrawler.schemas.CrawlCancelled;
import io.simplecrawler.schemas.CrawlFinished;
import io.simplecrawler.schemas.CrawlScope;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobRejected;
import io.simplecrawler.schemas.JobStalled;
import io.simplecrawler.schemas.JobSubmitted;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.MalformedEventException;
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
 * admitted URL has settled (invariant 2).
 */
@Singleton
public class CrawlFrontier {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlFrontier.class);

    private final AdmissionScript admission;
    private final JobSettingsStore settings;
    private final CancelledJobs cancelled;
    private final FinishedCrawls finishedCrawls;
    private final UnsettledTasks unsettledTasks;
    private final Counter admittedUrls;
    private final Counter settledTasks;
    private final Counter crawledJobs;
    private final Counter redrivenTasks;

    CrawlFrontier(AdmissionScript admission, JobSettingsStore settings, CancelledJobs cancelled,
                  FinishedCrawls finishedCrawls, UnsettledTasks unsettledTasks, MeterRegistry meters) {
        this.admission = admission;
        this.settings = settings;
        this.cancelled = cancelled;
        this.finishedCrawls = finishedCrawls;
        this.unsettledTasks = unsettledTasks;
        this.admittedUrls = meters.counter("frontier_urls_admitted_total");
        this.settledTasks = meters.counter("frontier_tasks_settled_total");
        this.crawledJobs = meters.counter("frontier_jobs_crawled_total");
        this.redrivenTasks = meters.counter("frontier_tasks_redriven_total");
    }

    public void onSubmitted(JobSubmitted job, FrontierOutput out) {
        UUID jobId = job.jobId();
        if (jobId == null || job.settings() == null) {
            throw new MalformedEventException("JobSubmitted without jobId or settings");
        }
        try {
            settings.save(jobId, job.settings());
        } catch (IllegalArgumentException e) {
            fail(jobId, e.getMessage(), out);
            return;
        }
        Optional<String> seed = CrawlScope.normalise(job.settings().url());
        if (seed.isEmpty() || job.settings().maxPages() < 1) {
            fail(jobId, seed.isEmpty() ? "invalid seed URL: " + job.settings().url() : "maxPages must be at least 1", out);
            return;
        }
        Admission result = admission.admitSeed(jobId, seed.get(), job.settings().maxPages());
        LOG.info("Job {} admitted seed {}", jobId, seed);
        emit(jobId, 0, result, out);
    }

    /** Ends a job that cannot start, e.g. whose submission the frontier could not process. */
    public void fail(UUID jobId, String reason, FrontierOutput out) {
        LOG.info("Job {} cannot start: {}", jobId, reason);
        out.fact(new JobRejected(jobId, reason, Instant.now()));
    }

    public void onCancelled(JobCancelled command, FrontierOutput out) {
        cancelled.cancel(command.jobId());
        LOG.info("Job {} cancelled", command.jobId());
        out.fact(new CrawlCancelled(command.jobId(), Instant.now()));
    }

    /**
     * Re-emits the fetch task of every URL the stalled job admitted and has not settled, in case
     * one was lost; a cancelled job's tasks are not re-emitted (its cancel settles them).
     */
    public void onStalled(JobStalled stalled, FrontierOutput out) {
        UUID jobId = stalled.jobId();
        if (settings.find(jobId).isEmpty() || cancelled.isCancelled(jobId)) {
            LOG.info("Job {} stalled since {}: no crawl to re-drive", jobId, stalled.since());
            return;
        }
        List<FetchTask> tasks = unsettledTasks.of(jobId);
        LOG.warn("Job {} stalled since {}: re-emitting the fetch tasks of its {} unsettled URLs",
                jobId, stalled.since(), tasks.size());
        tasks.forEach(task -> out.fetch(host(task.url()), task));
        redrivenTasks.increment(tasks.size());
    }

    public void onLinks(LinksDiscovered links, FrontierOutput out) {
        UUID jobId = links.jobId();
        var context = settings.find(jobId);
        if (context.isEmpty()) {
            throw new MalformedEventException("links of unknown job " + jobId);
        }
        if (links.depth() < 0) {
            throw new MalformedEventException("links of a page at negative depth " + links.depth());
        }
        var jobSettings = context.get().settings();
        // not depth + 1 <= maxDepth, which overflows for a depth of Integer.MAX_VALUE
        boolean expand = links.depth() < jobSettings.maxDepth() && !cancelled.isCancelled(jobId);
        int childDepth = expand ? links.depth() + 1 : links.depth();
        LinkCandidates candidates = expand ? LinkCandidates.sort(context.get().scope(), found(links)) : LinkCandidates.NONE;
        Admission result = admission.settle(jobId, links.sourceUrl(), jobSettings.maxPages(), candidates);
        if (result.crawlFinished()) {
            finishedCrawls.expire(jobId); // a Redis call: before any output, so that a retry forwards nothing twice
        }
        settledTasks.increment();
        emit(jobId, childDepth, result, out);
        if (result.crawlFinished()) {
            crawledJobs.increment();
            LOG.info("Job {} crawled: {} URLs settled", jobId, result.admitted());
            out.fact(new CrawlFinished(jobId, result.admitted(), result.filtered(), Instant.now()));
        }
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

    private void emit(UUID jobId, int depth, Admission result, FrontierOutput out) {
        for (String url : result.toFetch()) {
            out.fetch(host(url), new FetchTask(jobId, url, depth, 1));
        }
        admittedUrls.increment(result.toFetch().size());
        if (!result.toFetch().isEmpty() || result.newlyFiltered() > 0) {
            out.fact(new UrlsAdmitted(jobId, result.admitted(), result.filtered(), Instant.now()));
        }
    }

    private static String host(String url) {
        return URI.create(url).getHost().toLowerCase(Locale.ROOT);
    }
}
