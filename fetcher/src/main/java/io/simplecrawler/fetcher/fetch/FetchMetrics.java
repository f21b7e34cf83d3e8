package io.simplecrawler.fetcher.fetch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.simplecrawler.netguard.LiteralAddress;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus: {@code simplecrawler_fetcher_pages_total{outcome}}, {@code
 * simplecrawler_fetcher_response_bytes_total} and the histogram {@code
 * simplecrawler_fetcher_fetch_duration_seconds{host_class}} (requests that were made, from start
 * to parsed). The host class keeps the labels bounded: {@code local} for a host that is an address
 * literal on a loopback, private or link-local network (or {@code localhost}), {@code remote} for
 * every other host.
 */
@Singleton
public class FetchMetrics {
    /** Buckets from a fast local answer to the slowest fetch worth telling apart. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)
    };

    private final Map<FetchOutcome, Counter> pages = new EnumMap<>(FetchOutcome.class);
    private final Counter bytes;
    private final Map<HostClass, Timer> duration = new EnumMap<>(HostClass.class);

    enum HostClass {
        LOCAL,
        REMOTE;

        static HostClass of(String url) {
            String host;
            try {
                host = URI.create(url).getHost();
            } catch (IllegalArgumentException e) {
                return REMOTE;
            }
            if ("localhost".equalsIgnoreCase(host)) {
                return LOCAL;
            }
            return LiteralAddress.parse(host)
                    .filter(HostClass::isLocal)
                    .map(address -> LOCAL)
                    .orElse(REMOTE);
        }

        private static boolean isLocal(InetAddress address) {
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress();
        }
    }

    public FetchMetrics(MeterRegistry registry) {
        for (FetchOutcome outcome : FetchOutcome.values()) {
            pages.put(
                    outcome,
                    Counter.builder("simplecrawler.fetcher.pages")
                            .tag("outcome", outcome.name())
                            .description("Settled fetch tasks by outcome (BLOCKED: refused by robots.txt)")
                            .register(registry));
        }
        bytes = Counter.builder("simplecrawler.fetcher.response")
                .baseUnit("bytes")
                .description("Response body bytes read")
                .register(registry);
        for (HostClass hostClass : HostClass.values()) {
            duration.put(
                    hostClass,
                    Timer.builder("simplecrawler.fetcher.fetch.duration")
                            .tag("host_class", hostClass.name().toLowerCase(Locale.ROOT))
                            .serviceLevelObjectives(BUCKETS)
                            .description("From request start to page parsed")
                            .register(registry));
        }
    }

    void record(PageRecord page) {
        pages.get(page.outcome()).increment();
        bytes.increment(page.bytes());
        if (page.outcome() != FetchOutcome.CANCELLED) {
            duration.get(HostClass.of(page.url())).record(page.fetchMs(), TimeUnit.MILLISECONDS);
        }
    }
}
