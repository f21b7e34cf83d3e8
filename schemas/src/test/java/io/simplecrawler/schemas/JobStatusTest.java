package io.simplecrawler.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class JobStatusTest {

    @Test
    void wireNamesAreTheLowercaseNamesTheColumnAndTheApiUse() {
        assertEquals(
                List.of("pending", "running", "completed", "failed", "cancelled"),
                Arrays.stream(JobStatus.values()).map(JobStatus::wireName).toList());
        assertEquals(
                Arrays.stream(JobStatus.values()).map(JobStatus::wireName).collect(Collectors.joining("|")),
                JobStatus.WIRE_NAME_PATTERN);
        assertEquals(
                Arrays.stream(JobStatus.values()).map(JobStatus::wireName).collect(Collectors.joining(", ")),
                JobStatus.WIRE_NAMES);
        assertEquals("\"cancelled\"", EventJson.writeString(JobStatus.CANCELLED));
        assertEquals(
                JobStatus.RUNNING, EventJson.read("\"running\"".getBytes(StandardCharsets.UTF_8), JobStatus.class));
    }

    @Test
    void onlyExactWireNamesParse() {
        assertEquals(JobStatus.FAILED, JobStatus.fromWireName("failed"));
        assertTrue(JobStatus.parse("FAILED").isEmpty());
        assertTrue(JobStatus.parse("done").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> JobStatus.fromWireName("Running"));
    }

    @ParameterizedTest
    @CsvSource({
        "pending,   running,   true",
        "pending,   completed, true",
        "pending,   failed,    true",
        "pending,   cancelled, true",
        "pending,   pending,   false",
        "running,   completed, true",
        "running,   failed,    true",
        "running,   cancelled, true",
        "running,   pending,   false",
        "running,   running,   false",
    })
    void transitions(String from, String to, boolean allowed) {
        assertEquals(allowed, JobStatus.fromWireName(from).canMoveTo(JobStatus.fromWireName(to)));
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"COMPLETED", "FAILED", "CANCELLED"})
    void finalStatesAreFinal(JobStatus end) {
        assertTrue(end.isFinal());
        for (JobStatus next : JobStatus.values()) {
            assertFalse(end.canMoveTo(next), end + " -> " + next);
        }
    }

    @Test
    void openStatesAndPredecessors() {
        assertEquals(List.of(JobStatus.PENDING, JobStatus.RUNNING), JobStatus.open());
        assertEquals(Set.of(JobStatus.PENDING), JobStatus.RUNNING.predecessors());
        for (JobStatus end : EnumSet.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED)) {
            assertEquals(Set.copyOf(JobStatus.open()), end.predecessors(), end.toString());
        }
        assertTrue(JobStatus.PENDING.predecessors().isEmpty());
    }

    @Test
    void sqlListQuotesWireNamesInLifecycleOrder() {
        assertEquals("('pending', 'running')", JobStatus.sqlList(JobStatus.open()));
        assertEquals("('pending', 'running')", JobStatus.sqlList(JobStatus.COMPLETED.predecessors()));
        assertEquals("('pending')", JobStatus.sqlList(JobStatus.RUNNING.predecessors()));
        assertThrows(IllegalArgumentException.class, () -> JobStatus.sqlList(Set.of()));
    }
}
