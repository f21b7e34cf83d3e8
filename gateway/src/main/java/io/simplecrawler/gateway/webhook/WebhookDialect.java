package io.simplecrawler.gateway.webhook;

import io.simplecrawler.schemas.JobEvent;
import java.util.UUID;

/**
 * How the deliveries of one kind of subscription look: the native API's, or a compatible API's
 * for the jobs made through it (Firecrawl's). One bean per dialect; a subscription names its own
 * ({@link WebhookSubscription#dialect()}). Delivery, retries, signing, ordering and giving up are
 * the same for every dialect ({@link WebhookDispatcher}, {@link WebhookSender}).
 */
public interface WebhookDialect {

    /** The name a subscription of this dialect carries; {@link WebhookSubscription#NATIVE} for the native API. */
    String name();

    /** The header that carries {@code sha256=<hex HMAC-SHA256 of the body>} when the subscription has a secret. */
    String signatureHeader();

    /**
     * The JSON body of the delivery of {@code event}, the same for every attempt. May block (it
     * runs on the webhook I/O threads, never on the consumer's).
     *
     * @param deliveryId the same for every attempt and every replay of the event, so receivers can deduplicate
     */
    Object body(WebhookSubscription subscription, UUID deliveryId, JobEvent event);
}
