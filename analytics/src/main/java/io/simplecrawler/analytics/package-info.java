/**
 * The analytics service: a downstream consumer of {@code crawl.pages} built from the published
 * contract only (the {@code schemas} module's records and topics), as a consumer outside this
 * repository would build it.
 *
 * <p>Its Kafka Streams topology ({@link io.simplecrawler.analytics.stream}) adds up, per host and per
 * job, pages, bytes, outcomes, status classes, content types, failures by reason, outlinks and
 * fetch-time quantiles (a t-digest, {@link io.simplecrawler.analytics.stats}), each page once per
 * (jobId, url), exactly once (Streams EOS v2), and writes them to the compacted
 * {@code crawl.stats.hosts} and {@code crawl.stats.jobs}. It serves them from its state stores
 * ({@link io.simplecrawler.analytics.query}: {@code GET /stats/hosts?top=}, {@code GET
 * /jobs/{id}/stats}), asking the instance that holds a key when several run. State it owns: its
 * Streams stores (seen pages, job and host statistics) and their changelog topics; nothing else.
 */
package io.simplecrawler.analytics;
