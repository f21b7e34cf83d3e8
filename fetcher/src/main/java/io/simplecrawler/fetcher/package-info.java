/**
 * The fetcher service: consumes {@code crawl.fetch}, fetches each URL politely (per-host
 * queues, the job's delay and concurrency), parses HTML once with jsoup and converts it to
 * Markdown, and settles every task with exactly one {@code PageRecord} on {@code crawl.pages}
 * and one {@code LinksDiscovered} on {@code crawl.links}; unreadable tasks go to
 * {@code crawl.fetch.dlq}.
 *
 * <p>It owns nothing durable. Job settings and the cancelled-jobs set are read from Redis
 * (written by the frontier and gateway); per-host queues and the settings cache live in
 * memory and are rebuilt after a restart. Offsets are committed only after a batch's outputs
 * were acknowledged by Kafka, so a crash replays tasks rather than losing them.
 *
 * <p>Features: {@code kafka} (listener, publisher, topic creation), {@code jobs} (settings
 * cache, cancellation), {@code politeness} (per-host queues), {@code fetch} (HTTP and task
 * settlement), {@code parse} (jsoup and Markdown).
 */
package io.simplecrawler.fetcher;
