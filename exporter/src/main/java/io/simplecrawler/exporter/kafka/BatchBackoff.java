package io.simplecrawler.exporter.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spaces out the attempts at one listener's batches while the infrastructure fails them
 * (Postgres or the broker unreachable; faults of a record or of one job's files are handled
 * before they get here): after a failure the next attempt waits 1 s, then 2, 4 ... up to 30 s,
 * until one succeeds. The listener's own retry delay is short and fixed, so a batch offered
 * before its time is refused at once with no work done.
 */
public final class BatchBackoff {
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(BatchBackoff.class);

    /**
     * Batches have been failing since {@code since}.
     *
     * @param attempts    how many attempts have failed
     * @param error       why the last one failed
     * @param nextAttempt when the next attempt may start
     */
    public record Failing(Instant since, int attempts, String error, Instant nextAttempt) {}

    /** Thrown for a batch offered before its next attempt is due; it carries no stack trace. */
    static final class BackingOff extends RuntimeException {
        private BackingOff() {
            super("backing off after a failed batch", null, false, false);
        }
    }

    private static final BackingOff BACKING_OFF = new BackingOff();

    private final String topic;
    // written by the listener's thread, read by the health endpoint's
    private volatile Failing failing;

    BatchBackoff(String topic) {
        this.topic = topic;
    }

    /** Runs the batch if no attempt is pending; rethrows its failure after noting when to try again. */
    public void run(Runnable batch) {
        Failing current = failing;
        Instant now = Instant.now();
        if (current != null && now.isBefore(current.nextAttempt())) {
            throw BACKING_OFF;
        }
        try {
            batch.run();
        } catch (RuntimeException e) {
            int attempts = current == null ? 1 : current.attempts() + 1;
            Duration delay = delay(attempts);
            String error = describe(e);
            failing = new Failing(current == null ? now : current.since(), attempts, error, now.plus(delay));
            LOG.warn(
                    "A batch of {} failed (attempt {}); next attempt in {} s: {}",
                    topic,
                    attempts,
                    delay.toSeconds(),
                    error);
            throw e;
        }
        if (current != null) {
            LOG.info("Batches of {} go through again after {} failed attempts", topic, current.attempts());
            failing = null;
        }
    }

    public Optional<Failing> failing() {
        return Optional.ofNullable(failing);
    }

    static Duration delay(int attempts) {
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(attempts - 1, 10));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null
                ? String.valueOf(e.getMessage())
                : e.getMessage() + ": " + root.getMessage();
    }
}
