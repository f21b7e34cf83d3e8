package io.simplecrawler.renderer.render;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code simplecrawler_renderer_subresources_total{outcome}}: the requests rendered pages made
 * besides their documents, {@code loaded} or {@code refused} (over the page's caps, or a visual
 * resource without a screenshot, or a scheme that may not leave the page).
 */
@Singleton
class RenderMetrics {
    private final Counter loaded;
    private final Counter refused;

    RenderMetrics(MeterRegistry registry) {
        loaded = subresources(registry, "loaded");
        refused = subresources(registry, "refused");
    }

    void subresources(int loadedCount, int refusedCount) {
        loaded.increment(loadedCount);
        refused.increment(refusedCount);
    }

    private static Counter subresources(MeterRegistry registry, String outcome) {
        return Counter.builder("simplecrawler.renderer.subresources")
                .description("Requests rendered pages made besides their documents, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
