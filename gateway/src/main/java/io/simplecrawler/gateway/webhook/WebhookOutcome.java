package io.simplecrawler.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.UUID;

/** A row of {@code webhook_outcomes}: how many of a job's deliveries arrived, how many were given up, and why the last one was. */
@MappedEntity("webhook_outcomes")
public record WebhookOutcome(@Id UUID jobId, int delivered, int failed, @Nullable String lastError) {}
