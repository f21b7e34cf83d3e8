package io.simplecrawler.politeness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Grants that need no waiting: each assertion holds at once or only after a minute's delay. */
class HostQueuesTest {
    private static final long A_MINUTE_MS = 60_000;

    private final HostQueues queues = new HostQueues();

    @AfterEach
    void close() {
        queues.close();
    }

    @Test
    void grantsNoMoreThanTheConcurrencyAtOnce() {
        CompletableFuture<HostSlot> first = queues.acquire("example.org", 0, 1);
        CompletableFuture<HostSlot> second = queues.acquire("example.org", 0, 1);
        assertTrue(first.isDone());
        assertFalse(second.isDone());

        first.join().started();
        assertFalse(second.isDone(), "the first request is still in flight");

        first.join().release();
        assertTrue(second.isDone());
    }

    @Test
    void grantsUpToTheConcurrencyOnceEachHasStarted() {
        CompletableFuture<HostSlot> first = queues.acquire("example.org", 0, 2);
        CompletableFuture<HostSlot> second = queues.acquire("example.org", 0, 2);
        CompletableFuture<HostSlot> third = queues.acquire("example.org", 0, 2);
        assertFalse(second.isDone(), "nothing else starts while a granted request has not gone out");

        first.join().started();
        assertTrue(second.isDone());
        second.join().started();
        assertFalse(third.isDone());
    }

    @Test
    void waitsTheDelayAfterAStartEvenWhenTheRequestEnded() {
        CompletableFuture<HostSlot> first = queues.acquire("example.org", A_MINUTE_MS, 4);
        CompletableFuture<HostSlot> second = queues.acquire("example.org", A_MINUTE_MS, 4);

        first.join().started();
        first.join().release();

        assertFalse(second.isDone());
    }

    @Test
    void aSlotReleasedWithoutARequestCostsNoDelay() {
        CompletableFuture<HostSlot> cancelled = queues.acquire("example.org", A_MINUTE_MS, 1);
        CompletableFuture<HostSlot> next = queues.acquire("example.org", A_MINUTE_MS, 1);

        cancelled.join().release();

        assertTrue(next.isDone());
    }

    @Test
    void keepsHostsApart() {
        queues.acquire("example.org", A_MINUTE_MS, 1).join().started();

        assertTrue(queues.acquire("example.com", A_MINUTE_MS, 1).isDone());
        assertFalse(queues.acquire("EXAMPLE.org", A_MINUTE_MS, 1).isDone(), "host names are case-insensitive");
    }
}
