package io.simplecrawler.frontier.stream;

import io.simplecrawler.faults.InfrastructureFaults;
import io.simplecrawler.faults.RetryBackoff;
import io.simplecrawler.frontier.FrontierConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a record's work again, with backoff, while it fails for an infrastructure fault (Redis
 * unreachable or timing out), on the stream thread that holds the record: the record is not
 * committed meanwhile and its partitions wait, since nothing can progress without the store.
 * Any other failure is the record's and goes straight to the caller. While some work waits, the
 * frontier is stalled (its health is DOWN).
 */
@Singleton
class StoreRetry {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRetry.class);

    private final RetryBackoff backoff;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean stopping;

    StoreRetry(FrontierConfiguration configuration) {
        this.backoff = new RetryBackoff(configuration.retryBackoff(), configuration.maxRetryBackoff());
    }

    /**
     * Runs {@code work} until it succeeds or fails for a reason other than an infrastructure
     * fault, which it throws; while the service stops, the infrastructure fault too.
     */
    void run(Runnable work) {
        boolean waited = false;
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    work.run();
                    if (waited) {
                        LOG.info("The store is back after {} attempts", attempt);
                    }
                    return;
                } catch (RuntimeException e) {
                    if (!InfrastructureFaults.isInfrastructure(e) || stopping) {
                        throw e;
                    }
                    if (!waited) {
                        waiting.incrementAndGet();
                        waited = true;
                    }
                    pause(backoff.delay(attempt), attempt, e);
                }
            }
        } finally {
            if (waited) {
                waiting.decrementAndGet();
            }
        }
    }

    /** True while some record's work waits for the store. */
    boolean stalled() {
        return waiting.get() > 0;
    }

    /** Makes waiting work give up, so the stream threads can stop. */
    void stop() {
        stopping = true;
    }

    /** True once the service stops: a failure now (a command cancelled as Redis closes) says nothing about the record. */
    boolean stopping() {
        return stopping;
    }

    private static void pause(Duration delay, int attempt, RuntimeException fault) {
        LOG.warn("Store fault, attempt {} again in {}: {}", attempt + 1, delay, fault.toString());
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw fault;
        }
    }
}
