/**
 * The fetcher service: consumes {@code crawl.fetch}, fetches each URL politely and settles every
 * task with exactly one {@code PageRecord} on {@code crawl.pages} and one {@code LinksDiscovered}
 * on {@code crawl.links}; unreadable tasks go to {@code crawl.fetch.dlq}.
 *
 * <p>What a fetch obeys: robots.txt (RFC 9309, fetched once per host per job, cached in Redis),
 * the job's delay (or the host's larger Crawl-delay) and concurrency per host, its timeout for
 * the whole request, its maxBytes after decompression, up to 5 redirects each checked against
 * scope, robots.txt and the job's other pages, up to 3 attempts for connection errors,
 * timeouts, 429 and 5xx (backoff, jitter, Retry-After), and the cancelled-jobs set before every
 * request. Only HTML and XHTML are parsed; other answers are settled as SKIPPED.
 *
 * <p>It owns nothing durable. Job settings and the cancelled-jobs set are read from Redis
 * (written by the frontier and gateway); robots.txt files, URL claims (redirect targets and
 * canonical URLs) and published tasks are shared with the other fetchers in Redis; host queues
 * and caches live in memory and are rebuilt after a restart. Offsets are committed only behind
 * tasks whose outputs Kafka acknowledged, so a crash replays tasks rather than losing them.
 *
 * <p>Features: {@code kafka} (consumer loop, publisher, topic creation), {@code jobs} (settings,
 * cancellation), {@code politeness} (per-host queues), {@code protocol} (the HTTP layer:
 * requests through the SSRF guard, retries, limits, bodies), {@code robots}, {@code sitemap},
 * {@code fetch} (a task's redirects, parse and settlement), {@code dedup} (claims, published
 * tasks), {@code archive} (WARC capture); parsing is the {@code pageparse} module's, shared with the
 * renderer. No package cycles:
 * {@code protocol} is below {@code robots} and {@code sitemap}, which are below {@code fetch}.
 */
package io.simplecrawler.fetcher;
