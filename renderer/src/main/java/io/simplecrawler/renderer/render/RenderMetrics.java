package io.simplecrawler.renderer.render;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus: {@code simplecrawler_renderer_pages_total{outcome}} (settled render tasks, as the
 * fetcher's pages), {@code simplecrawler_renderer_html_bytes_total} (rendered HTML) and the histogram
 * {@code simplecrawler_renderer_render_duration_seconds} (renders that were tried, from start to
 * DOM taken or failure), and {@code simplecrawler_renderer_subresources_total{outcome}}: the requests
 * rendered pages made besides their documents, {@code loaded} or {@code refused} (over the page's
 * caps, or a visual resource without a screenshot, or a scheme that may not leave the page).
 */
@Singleton
public class RenderMetrics {
    /** A render waits for the network to go idle: from a quick local page to the page time-out. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)
    };

    private final Map<FetchOutcome, Counter> pages = new EnumMap<>(FetchOutcome.class);
    private final Counter bytes;
    private final Timer duration;
    private final Counter subresourcesLoaded;
    private final Counter subresourcesRefused;

    public RenderMetrics(MeterRegistry registry) {
        for (FetchOutcome outcome : FetchOutcome.values()) {
            pages.put(
                    outcome,
                    Counter.builder("simplecrawler.renderer.pages")
                            .tag("outcome", outcome.name())
                            .description("Settled render tasks by outcome")
                            .register(registry));
        }
        bytes = Counter.builder("simplecrawler.renderer.html")
                .baseUnit("bytes")
                .description("Bytes of rendered HTML")
                .register(registry);
        duration = Timer.builder("simplecrawler.renderer.render.duration")
                .serviceLevelObjectives(BUCKETS)
                .description("From render start to the DOM taken, or to the render's failure")
                .register(registry);
        subresourcesLoaded = subresources(registry, "loaded");
        subresourcesRefused = subresources(registry, "refused");
    }

    void record(PageRecord page) {
        pages.get(page.outcome()).increment();
        bytes.increment(page.bytes());
        if (page.renderMs() != null) {
            duration.record(page.renderMs(), TimeUnit.MILLISECONDS);
        }
    }

    void subresources(int loadedCount, int refusedCount) {
        subresourcesLoaded.increment(loadedCount);
        subresourcesRefused.increment(refusedCount);
    }

    private static Counter subresources(MeterRegistry registry, String outcome) {
        return Counter.builder("simplecrawler.renderer.subresources")
                .description("Requests rendered pages made besides their documents, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
