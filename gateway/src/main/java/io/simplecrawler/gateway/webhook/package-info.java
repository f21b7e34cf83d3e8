/**
 * Webhooks: a job's subscription ({@code webhook} in {@code POST /crawl}), and the delivery of
 * its events as signed JSON POSTs, in order per job, retried with backoff, never holding up the
 * crawl (the gateway reads {@code crawl.events} in its own consumer group). Subscriptions are
 * stored with the job's row and read through {@link io.simplecrawler.gateway.webhook.SubscriptionStore}.
 * Each subscription names its dialect ({@link io.simplecrawler.gateway.webhook.WebhookDialect}): the
 * native bodies here, a compatible API's (Firecrawl's) in its own package; the delivery is the same.
 */
package io.simplecrawler.gateway.webhook;
