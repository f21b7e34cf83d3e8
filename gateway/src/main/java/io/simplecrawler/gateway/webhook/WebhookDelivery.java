package io.simplecrawler.gateway.webhook;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON body of one webhook POST.
 *
 * @param id the same for every attempt and every replay of one event, so receivers can deduplicate
 */
@Serdeable
public record WebhookDelivery(UUID id, String type, UUID jobId, Instant at, Map<String, Object> data) {}
