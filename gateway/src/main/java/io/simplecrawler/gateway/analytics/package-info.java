/**
 * The page statistics of the analytics service behind the API ({@code GET /stats/hosts?top=},
 * {@code GET /jobs/{id}/stats}): the gateway asks any analytics instance over HTTP, within a
 * timeout, and answers 503 problem+json when it cannot. Above {@code job} (a job's statistics are
 * shown only to whom the job is); owns no state.
 */
package io.simplecrawler.gateway.analytics;
