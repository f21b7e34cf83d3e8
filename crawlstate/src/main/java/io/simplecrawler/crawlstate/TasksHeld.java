package io.simplecrawler.crawlstate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What one fetcher holds of a job ({@link JobKeys#tasksHeld}): the job's tasks it has taken from
 * Kafka and not settled, and when it last settled one (null if it has not yet).
 */
public record TasksHeld(@JsonProperty(required = true) String fetcher, int tasks, Instant lastSettledAt) {}
