package io.simplecrawler.renderer.render;

import io.simplecrawler.crawlscope.CrawlScope;
import io.simplecrawler.crawlstate.JobSettingsStore;
import io.simplecrawler.crawlstate.StoppedCrawls;
import io.simplecrawler.netguard.NetworkPolicy;
import io.simplecrawler.pageparse.PageParser;
import io.simplecrawler.pageparse.ParsedPage;
import io.simplecrawler.politeness.HostQueues;
import io.simplecrawler.politeness.HostSlot;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.RenderTask;
import io.simplecrawler.settlement.Settlement;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles one render task: looks up the job (a stopped job's task settles CANCELLED), renders the
 * page and parses the rendered DOM with the fetcher's parser, so the page record and links record
 * are made exactly as for a plain page, plus {@code rendered} and {@code renderMs}. A render that
 * fails (time-out, crashed tab, refused address) is a FAILED page with the reason; a page that
 * the browser was redirected out of the job's scope is SKIPPED. Throws only when Redis cannot be
 * asked, so that the task is tried again rather than settled wrongly.
 */
@Singleton
public class RenderSettler {
    private static final Logger LOG = LoggerFactory.getLogger(RenderSettler.class);

    private final JobSettingsStore settingsStore;
    private final StoppedCrawls stoppedCrawls;
    private final PageRenderer renderer;
    private final PageParser parser;
    private final NetworkPolicy policy;
    private final ScreenshotFiles screenshots;
    private final HostQueues hostQueues;
    private final RenderMetrics metrics;

    public RenderSettler(
            JobSettingsStore settingsStore,
            StoppedCrawls stoppedCrawls,
            PageRenderer renderer,
            PageParser parser,
            NetworkPolicy policy,
            ScreenshotFiles screenshots,
            HostQueues hostQueues,
            RenderMetrics metrics) {
        this.settingsStore = settingsStore;
        this.stoppedCrawls = stoppedCrawls;
        this.renderer = renderer;
        this.parser = parser;
        this.policy = policy;
        this.screenshots = screenshots;
        this.hostQueues = hostQueues;
        this.metrics = metrics;
    }

    public Settlement settle(RenderTask task) {
        Settlement settlement = settleUncounted(task);
        metrics.record(settlement.page());
        return settlement;
    }

    private Settlement settleUncounted(RenderTask task) {
        Optional<JobSettings> settings = settingsStore.find(task.jobId());
        if (settings.isEmpty() || stoppedCrawls.isStopped(task.jobId())) {
            return unrendered(
                    task, FetchOutcome.CANCELLED, settings.isEmpty() ? "job settings not found" : "job cancelled");
        }
        Optional<String> denied = whyDenied(task.url());
        if (denied.isPresent()) {
            return unrendered(task, FetchOutcome.BLOCKED, denied.get());
        }
        // one request to the host under the job's delay and concurrency, as a fetch is
        HostSlot slot = hostQueues
                .acquire(task.host(), settings.get().delayMs(), settings.get().concurrency())
                .join();
        Instant start = Instant.now();
        try {
            RenderedPage rendered = renderer.render(task.url(), settings.get(), slot);
            long renderMs = rendered.renderMs();
            PageRecord page = record(task, settings.get(), rendered, start, renderMs);
            metrics.subresources(rendered.subresources(), rendered.refused());
            LOG.info(
                    "Rendered {} with status {} in {} ms ({} sub-resources, {} refused)",
                    task.url(),
                    rendered.status(),
                    renderMs,
                    rendered.subresources(),
                    rendered.refused());
            return new Settlement(page, null);
        } catch (RenderFailure e) {
            LOG.info("Failed to render {}: {}", task.url(), e.getMessage());
            return new Settlement(
                    base(task, FetchOutcome.FAILED, start)
                            .error(e.getMessage())
                            .rendered(true)
                            .renderMs(Duration.between(start, Instant.now()).toMillis())
                            .build(),
                    null);
        } finally {
            slot.release();
        }
    }

    private PageRecord record(RenderTask task, JobSettings settings, RenderedPage rendered, Instant start, long ms) {
        String finalUrl = CrawlScope.normalise(rendered.finalUrl()).orElse(rendered.finalUrl());
        if (!finalUrl.equals(task.url()) && CrawlScope.of(settings).judge(finalUrl) != CrawlScope.Verdict.IN_SCOPE) {
            return base(task, FetchOutcome.SKIPPED, start)
                    .finalUrl(finalUrl)
                    .status(rendered.status())
                    .error("redirects out of the job's scope to " + finalUrl)
                    .rendered(true)
                    .renderMs(ms)
                    .build();
        }
        if (rendered.status() >= 400) {
            return base(task, FetchOutcome.FAILED, start)
                    .finalUrl(finalUrl)
                    .status(rendered.status())
                    .contentType(rendered.contentType())
                    .error("HTTP " + rendered.status())
                    .rendered(true)
                    .renderMs(ms)
                    .build();
        }
        byte[] html = rendered.html().getBytes(StandardCharsets.UTF_8);
        ParsedPage page =
                parser.parse(html, StandardCharsets.UTF_8.name(), finalUrl, settings.format(), settings.content());
        return page.describe(PageRecord.of(task.jobId(), task.url(), task.depth(), FetchOutcome.FETCHED))
                .screenshot(screenshot(task, rendered))
                .finalUrl(finalUrl)
                .status(rendered.status())
                .contentType(rendered.contentType())
                .fetchedAt(start)
                .fetchMs(ms)
                .bytes(html.length)
                .redirects(finalUrl.equals(task.url()) ? null : List.of(finalUrl))
                .rendered(true)
                .renderMs(ms)
                .build();
    }

    /** The saved PNG's file name; null when none was taken or it could not be saved (the page stays). */
    private String screenshot(RenderTask task, RenderedPage rendered) {
        if (rendered.screenshot() == null) {
            return null;
        }
        try {
            return screenshots.save(task.jobId(), task.url(), rendered.screenshot());
        } catch (java.io.IOException e) {
            LOG.warn("Could not save the screenshot of {}: {}", task.url(), e.toString());
            return null;
        }
    }

    private Optional<String> whyDenied(String url) {
        try {
            return policy.whyDeniedWithoutLookup(new URI(url));
        } catch (java.net.URISyntaxException e) {
            return Optional.of("not a URL: " + e.getMessage());
        }
    }

    private static Settlement unrendered(RenderTask task, FetchOutcome outcome, String why) {
        return new Settlement(base(task, outcome, Instant.now()).error(why).build(), null);
    }

    private static PageRecord.Builder base(RenderTask task, FetchOutcome outcome, Instant start) {
        return PageRecord.of(task.jobId(), task.url(), task.depth(), outcome)
                .finalUrl(task.url())
                .fetchedAt(start)
                .links(List.of());
    }
}
