/**
 * Webhooks: a job's subscription ({@code webhook} in {@code POST /crawl}), and the delivery of
 * its events as signed JSON POSTs, in order per job, retried with backoff, never holding up the
 * crawl (the gateway reads {@code crawl.events} in its own consumer group).
 */
package io.simplecrawler.gateway.webhook;
