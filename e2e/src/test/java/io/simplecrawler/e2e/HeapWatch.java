package io.simplecrawler.e2e;

import io.simplecrawler.localstack.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows a service's used heap (the sum of micrometer's {@code jvm_memory_used_bytes} over the
 * heap pools, from its {@code /prometheus} endpoint) every 200 ms and keeps the peak.
 */
final class HeapWatch implements AutoCloseable {
    private static final String HEAP_USED = "jvm_memory_used_bytes{area=\"heap\"";
    private static final String HEAP_MAX = "jvm_memory_max_bytes{area=\"heap\"";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI metrics;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "heap-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();

    private HeapWatch(ServiceProcess service) {
        this.metrics = URI.create(service.baseUrl() + "/prometheus");
        timer.scheduleWithFixedDelay(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    }

    static HeapWatch of(ServiceProcess service) {
        return new HeapWatch(service);
    }

    long peakUsedBytes() {
        return peakUsed.get();
    }

    /** The heap's limit (-Xmx) as the JVM reports it. */
    long maxBytes() {
        return max.get();
    }

    long samples() {
        return samples.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void sample() {
        try {
            String body = http.send(
                            HttpRequest.newBuilder(metrics)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            peakUsed.accumulateAndGet(sum(body, HEAP_USED), Math::max);
            max.accumulateAndGet(sum(body, HEAP_MAX), Math::max);
            samples.incrementAndGet();
        } catch (IOException e) {
            // a busy service may miss a sample; the next one counts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The sum of a metric's values over the pools, e.g. eden, survivor and tenured space. */
    private static long sum(String prometheusText, String metricPrefix) {
        return prometheusText
                .lines()
                .filter(line -> line.startsWith(metricPrefix))
                .mapToLong(line -> (long) Math.max(0, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))))
                .sum();
    }
}
