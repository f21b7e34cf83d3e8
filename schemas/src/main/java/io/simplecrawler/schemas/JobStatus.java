package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A job's lifecycle, as the {@code jobs.status} column stores it and the API shows it (the wire
 * name, lowercase): pending (stored, then published) -> running (first page written) ->
 * completed | failed | cancelled. A pending job may also end without running (cancelled before
 * its first page, failed on an unusable seed, completed with nothing to write). The three end
 * states are final: no transition leaves them.
 *
 * <p>Who moves a job: the gateway stores it pending and cancels it; the exporter moves it to
 * running, completed or failed. Every such UPDATE names the states it may come from
 * ({@link #predecessors()}), so a job never leaves a final state.
 */
public enum JobStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /**
     * Every wire name as a regular expression, for a Bean Validation {@code @Pattern} (annotation
     * values must be compile-time constants); {@code JobStatusTest} keeps it equal to the values.
     */
    public static final String WIRE_NAME_PATTERN = "pending|running|completed|failed|cancelled";

    /** Every wire name, for messages in annotations; {@code JobStatusTest} keeps it equal to the values. */
    public static final String WIRE_NAMES = "pending, running, completed, failed, cancelled";

    /** The name stored in Postgres and shown in the API. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobStatus fromWireName(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown job status: " + name));
    }

    public static Optional<JobStatus> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }

    /** {@code 'pending'}: the wire name as an SQL string literal. */
    public String sqlLiteral() {
        return "'" + wireName() + "'";
    }

    /** Completed, failed and cancelled: nothing moves the job any more. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Whether a job in this state may move to {@code next}. */
    public boolean canMoveTo(JobStatus next) {
        return switch (this) {
            case PENDING -> next != PENDING;
            case RUNNING -> next.isFinal();
            case COMPLETED, FAILED, CANCELLED -> false;
        };
    }

    /** The states a job may move to this one from, e.g. pending and running for completed. */
    public Set<JobStatus> predecessors() {
        Set<JobStatus> from = EnumSet.noneOf(JobStatus.class);
        for (JobStatus status : values()) {
            if (status.canMoveTo(this)) {
                from.add(status);
            }
        }
        return from;
    }

    /** Pending and running: the states that are not final, in lifecycle order. */
    public static List<JobStatus> open() {
        return Arrays.stream(values()).filter(s -> !s.isFinal()).toList();
    }

    /** {@code ('pending', 'running')}: these states' wire names as an SQL {@code IN} list. */
    public static String sqlList(Collection<JobStatus> statuses) {
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("an SQL IN list needs at least one status");
        }
        return statuses.stream().sorted().map(JobStatus::sqlLiteral).collect(Collectors.joining(", ", "(", ")"));
    }
}
