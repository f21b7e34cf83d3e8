package io.simplecrawler.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplecrawler.schemas.MalformedEventException;
import org.junit.jupiter.api.Test;

/** The reason class a dead letter is counted under: bounded, whatever the reason's text. */
class DeadLetterReasonTest {
    @Test
    void aRecordThatFailedToProcessIsAProcessingErrorAnythingElseAnInvalidRecord() {
        assertEquals("processing_error", DeadLetters.reasonClass(DeadLetters.reason(new IllegalStateException("x"))));
        assertEquals("invalid_record", DeadLetters.reasonClass(new MalformedEventException("no jobId").getMessage()));
        assertEquals("invalid_record", DeadLetters.reasonClass("no job 6f1c"));
        assertEquals("invalid_record", DeadLetters.reasonClass(null));
    }
}
