package io.simplecrawler.politeness;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Per-host politeness: at most {@code concurrency} requests in flight to one host and at least
 * {@code delayMs} between the start of a request and the start or end of the previous one (see
 * {@link HostQueue}), the limits coming from the job of each waiting request. Kafka keys {@code
 * crawl.fetch} and {@code crawl.render} by host, so one fetcher sees all of a host's fetch tasks and
 * one renderer all of its render tasks, and neither needs a distributed lock. A rendered page is one
 * request to its host here (its sub-resources are counted and capped by the renderer instead).
 * Idle hosts are forgotten once a minute.
 */
@Singleton
public class HostQueues {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "host-queues");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, HostQueue> queues = new ConcurrentHashMap<>();

    public HostQueues() {
        scheduler.scheduleWithFixedDelay(this::forgetIdleHosts, 1, 1, TimeUnit.MINUTES);
    }

    /** Completes, possibly much later, when a request to the host may start. */
    public CompletableFuture<HostSlot> acquire(String host, long delayMs, int concurrency) {
        String key = host.toLowerCase(Locale.ROOT);
        // Enqueued inside compute so that forgetIdleHosts cannot drop the queue in between.
        CompletableFuture<HostSlot> slot = new CompletableFuture<>();
        HostQueue queue = queues.compute(key, (k, existing) -> {
            HostQueue q = existing != null ? existing : new HostQueue(scheduler);
            q.enqueue(delayMs, concurrency, slot);
            return q;
        });
        queue.drain();
        return slot;
    }

    /** Starts no request to the host for this long (the host answered with Retry-After). */
    public void hold(String host, Duration duration) {
        String key = host.toLowerCase(Locale.ROOT);
        long until = System.nanoTime() + duration.toNanos();
        queues.compute(key, (k, existing) -> existing != null ? existing : new HostQueue(scheduler))
                .holdUntil(until);
    }

    private void forgetIdleHosts() {
        for (String host : queues.keySet()) {
            queues.computeIfPresent(host, (k, queue) -> queue.isIdle() ? null : queue);
        }
    }

    @PreDestroy
    void close() {
        scheduler.shutdownNow();
        queues.values().forEach(HostQueue::abandon);
    }
}
