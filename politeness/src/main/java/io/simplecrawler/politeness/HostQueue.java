package io.simplecrawler.politeness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The waiting requests of one host, granted in arrival order. The first waiter may start when
 * fewer than its {@code concurrency} requests of the host are in flight, no granted request is
 * still about to start, and at least its {@code delay} has passed since the previous request
 * started or ended, whichever came later; otherwise a drain is scheduled for the moment the
 * delay ends. Nobody blocks: waiters hold futures.
 *
 * <p>Why start or end: the fetcher only knows when it handed a request to the HTTP client, not
 * when it reached the site, and the two differ by a few milliseconds from one request to the
 * next. The end of a request comes after the site received it, so counting from the end too
 * guarantees that the site itself sees the delay between two requests (with concurrency 1).
 * A start counts when the request went out ({@link HostSlot#started()}), not when it was
 * granted: the holder first asks Redis whether the job was cancelled, and that time must not
 * eat into the delay.
 *
 * <p>A host that asked to be left alone for a while (Retry-After) is {@link #holdUntil held}:
 * nothing starts before that moment.
 */
final class HostQueue {
    private record Waiter(long delayNanos, int concurrency, CompletableFuture<HostSlot> slot) {}

    private final ScheduledExecutorService scheduler;
    private final Queue<Waiter> waiters = new ArrayDeque<>();
    private int inFlight;
    private boolean startPending;
    private boolean anyStart;
    private long delayFrom;
    private long lastDelayNanos;
    private boolean drainScheduled;
    private boolean held;
    private long heldUntil;

    HostQueue(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    synchronized void enqueue(long delayMs, int concurrency, CompletableFuture<HostSlot> slot) {
        waiters.add(new Waiter(TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMs)), Math.max(1, concurrency), slot));
    }

    /** No request starts before {@code untilNanos} ({@link System#nanoTime()}), nor before an earlier hold ends. */
    void holdUntil(long untilNanos) {
        synchronized (this) {
            if (!held || untilNanos - heldUntil > 0) {
                held = true;
                heldUntil = untilNanos;
            }
        }
        drain();
    }

    /** True when nothing waits or runs and the last start's delay has passed: the queue can go. */
    synchronized boolean isIdle() {
        long now = System.nanoTime();
        return waiters.isEmpty()
                && inFlight == 0
                && (!anyStart || now - delayFrom >= lastDelayNanos)
                && (!held || now - heldUntil >= 0);
    }

    /** Fails every waiter: the service is stopping and no drain will come. */
    void abandon() {
        List<Waiter> abandoned;
        synchronized (this) {
            abandoned = new ArrayList<>(waiters);
            waiters.clear();
        }
        abandoned.forEach(
                waiter -> waiter.slot().completeExceptionally(new IllegalStateException("the service is stopping")));
    }

    void drain() {
        Runnable grant = null;
        synchronized (this) {
            drainScheduled = false;
            Waiter head = waiters.peek();
            if (head != null && !startPending && inFlight < head.concurrency()) {
                long now = System.nanoTime();
                long wait = Math.max(anyStart ? head.delayNanos() - (now - delayFrom) : 0, held ? heldUntil - now : 0);
                if (wait > 0) {
                    scheduleDrain(wait);
                } else {
                    waiters.remove();
                    inFlight++;
                    startPending = true;
                    Slot slot = new Slot(head.delayNanos());
                    grant = () -> head.slot().complete(slot);
                }
            }
        }
        // Completed outside the lock: the waiter's continuation runs on this thread.
        if (grant != null) {
            grant.run();
        }
    }

    private void scheduleDrain(long delayNanos) {
        if (!drainScheduled) {
            drainScheduled = true;
            scheduler.schedule(this::drain, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private final class Slot implements HostSlot {
        private final long delayNanos;
        private boolean started;
        private boolean finished;

        Slot(long delayNanos) {
            this.delayNanos = delayNanos;
        }

        @Override
        public void started() {
            synchronized (HostQueue.this) {
                if (started || finished) {
                    return;
                }
                started = true;
                startPending = false;
                anyStart = true;
                delayFrom = System.nanoTime();
                lastDelayNanos = delayNanos;
            }
            drain();
        }

        @Override
        public void release() {
            synchronized (HostQueue.this) {
                if (finished) {
                    return;
                }
                finished = true;
                inFlight--;
                long now = System.nanoTime();
                if (!started) {
                    startPending = false;
                } else if (now - delayFrom > 0) {
                    delayFrom = now;
                }
            }
            drain();
        }
    }
}
