/**
 * The job watchdog: no job stays open forever. A job that has written no page for a while is
 * marked stalled (shown on {@code GET /jobs/{id}} and in {@code /stats}); one that stays stalled
 * long enough ends {@code failed} with a reason naming how far it got, whatever state Redis,
 * Kafka or a fetcher were left in. Postgres is the one place that knows every open job, so the
 * exporter, which keeps job status, watches them.
 */
package io.simplecrawler.exporter.watchdog;
