package io.simplecrawler.fetcher.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {
    private final PartitionProgress progress = new PartitionProgress();

    @Test
    void commitsUpToTheLowestTaskNotDoneAndOnlyWhenItMoved() {
        assertEquals(OptionalLong.empty(), progress.committable(), "nothing taken yet");
        progress.dispatched(10);
        progress.dispatched(11);
        progress.dispatched(12);

        assertEquals(OptionalLong.of(10), progress.committable());
        progress.done(11);
        progress.done(12);
        assertEquals(OptionalLong.empty(), progress.committable(), "10 still runs: 11 and 12 wait behind it");

        progress.done(10);
        assertEquals(OptionalLong.of(13), progress.committable());
        assertEquals(OptionalLong.empty(), progress.committable());
        assertEquals(0, progress.pending());
    }

    @Test
    void aFailedCommitIsAskedForAgainUnlessALaterOneWas() {
        progress.dispatched(5);
        progress.done(5);
        assertEquals(OptionalLong.of(6), progress.committable());

        progress.commitFailed(6);
        assertEquals(OptionalLong.of(6), progress.committable(), "asked again");

        progress.dispatched(6);
        progress.done(6);
        assertEquals(OptionalLong.of(7), progress.committable());
        progress.commitFailed(6);
        assertEquals(OptionalLong.empty(), progress.committable(), "7 covers 6");
    }
}
