/**
 * Test fixtures for every module's tests (test scope only; nothing here runs in production or in
 * {@code make run}).
 *
 * <p>Shared infrastructure, one lazily started instance per JVM: {@link io.simplecrawler.testkit.TestKafka}
 * (a container or an in-JVM KRaft broker), {@link io.simplecrawler.testkit.TestPostgres} (a fresh
 * database per call) and {@link io.simplecrawler.testkit.TestRedis}; for store outages, a test's own
 * {@link io.simplecrawler.testkit.RestartablePostgres} and {@link io.simplecrawler.testkit.StoppableRedis}.
 * {@link io.simplecrawler.testkit.TopicReader} reads whole topics for assertions.
 *
 * <p>Sites to crawl: {@link io.simplecrawler.testkit.TestSite} (a generated tree of HTML pages with a
 * request log) with routes for awkward answers ({@link io.simplecrawler.testkit.SiteRoutes}) and
 * hostile ones ({@link io.simplecrawler.testkit.HostileRoutes}), and
 * {@link io.simplecrawler.testkit.MixedSite}, a seeded mix of both.
 *
 * <p>Process-level fixtures (service jars as JVMs, a restartable broker process) belong to the
 * launcher, {@code io.simplecrawler.localstack}, which this module builds on for free ports and
 * the single-node broker settings.
 */
package io.simplecrawler.testkit;
