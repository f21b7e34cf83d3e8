package io.simplecrawler.fetcher.kafka;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The records of one partition taken by this fetcher and not yet done (their outputs not yet
 * acknowledged), so that the committed offset never passes an unsettled task (invariant 3)
 * although tasks settle in any order. {@link #dispatched}, {@link #committable} and
 * {@link #commitFailed} are called by the consumer thread only; {@link #done} by any thread.
 */
final class PartitionProgress {
    private final ConcurrentSkipListSet<Long> pending = new ConcurrentSkipListSet<>();
    private long nextOffset = -1;
    private long committed = -1;

    void dispatched(long offset) {
        pending.add(offset);
        nextOffset = Math.max(nextOffset, offset + 1);
    }

    void done(long offset) {
        pending.remove(offset);
    }

    int pending() {
        return pending.size();
    }

    /** The offset to commit, when it moved since the last one: the lowest pending record, or past the last one taken. */
    OptionalLong committable() {
        if (nextOffset < 0) {
            return OptionalLong.empty();
        }
        Long lowestPending = pending.isEmpty() ? null : pending.first();
        long offset = lowestPending != null ? lowestPending : nextOffset;
        if (offset <= committed) {
            return OptionalLong.empty();
        }
        committed = offset;
        return OptionalLong.of(offset);
    }

    /** The commit of {@code offset} failed: unless a later one was asked for since, ask for it again. */
    void commitFailed(long offset) {
        if (committed == offset) {
            committed = offset - 1;
        }
    }
}
