/**
 * Interactive queries of the statistics stores over HTTP: a job's statistics from the instance
 * that holds the job, the host ranking merged from every instance ({@link
 * io.simplecrawler.analytics.query.StatsQueries}), and the {@code /local/...} routes through which
 * instances ask each other.
 */
package io.simplecrawler.analytics.query;
