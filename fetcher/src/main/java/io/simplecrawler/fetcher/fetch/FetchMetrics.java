package io.simplecrawler.fetcher.fetch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus: {@code fetcher_pages_total{outcome}}, {@code fetcher_bytes_total} and
 * {@code fetcher_fetch_duration_seconds} (requests that were made, from start to parsed).
 */
@Singleton
public class FetchMetrics {
    private final Map<FetchOutcome, Counter> pages = new EnumMap<>(FetchOutcome.class);
    private final Counter bytes;
    private final Timer duration;

    public FetchMetrics(MeterRegistry registry) {
        for (FetchOutcome outcome : FetchOutcome.values()) {
            pages.put(
                    outcome,
                    Counter.builder("fetcher.pages")
                            .tag("outcome", outcome.name())
                            .description("Settled fetch tasks")
                            .register(registry));
        }
        bytes = Counter.builder("fetcher.bytes")
                .baseUnit("bytes")
                .description("Response body bytes read")
                .register(registry);
        duration = Timer.builder("fetcher.fetch.duration")
                .description("From request start to page parsed")
                .register(registry);
    }

    void record(PageRecord page) {
        pages.get(page.outcome()).increment();
        bytes.increment(page.bytes());
        if (page.outcome() != FetchOutcome.CANCELLED) {
            duration.record(page.fetchMs(), TimeUnit.MILLISECONDS);
        }
    }
}
