package io.simplecrawler.streams;

import io.simplecrawler.faults.RetryBackoff;
import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a stream thread that a failure escaped (the processors keep the record's own
 * failures in, so this is Kafka's: outputs not produced within the producer's delivery timeout,
 * a commit refused): a new thread replaces it, after a backoff that grows while failures follow
 * each other, so a broker that is away is not hammered. The new thread resumes from the last
 * committed offsets; the records after them are replayed, which the application makes harmless
 * (the frontier's admission is idempotent; the analytics' transactions are aborted with them).
 * Kafka Streams' default would shut the whole client down.
 */
public final class ThreadReplacement implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacement.class);
    /** A failure this long after the previous one starts the backoff afresh. */
    private static final Duration CALM = Duration.ofMinutes(5);

    private final RetryBackoff backoff;
    private int failures;
    private long lastFailureNanos;
    private volatile boolean replacing;

    public ThreadReplacement(RetryBackoff backoff) {
        this.backoff = backoff;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable failure) {
        long now = System.nanoTime();
        failures = failures > 0 && now - lastFailureNanos < CALM.toNanos() ? failures + 1 : 1;
        lastFailureNanos = now;
        Duration delay = backoff.delay(failures);
        LOG.error("A stream thread failed ({} in a row); a new one replaces it in {}", failures, delay, failure);
        replacing = true;
        try {
            // on the failed thread, which processes nothing any more
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            replacing = false;
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** True while a failed thread waits to be replaced. */
    public boolean replacing() {
        return replacing;
    }
}
