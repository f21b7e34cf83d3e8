/**
 * The pipeline's infrastructure outside Docker, for tests and for {@code make run}.
 *
 * <p>Test fixtures, one lazily started instance per JVM: {@link io.simplecrawler.localstack.TestKafka},
 * {@link io.simplecrawler.localstack.TestPostgres}, {@link io.simplecrawler.localstack.TestRedis},
 * and {@link io.simplecrawler.localstack.TestSite} (a generated HTML site with a request log).
 *
 * <p>Processes: {@link io.simplecrawler.localstack.PipelineProcesses} starts the service jars as
 * JVMs ({@link io.simplecrawler.localstack.ServiceProcess}) for the end-to-end tests and for
 * {@link io.simplecrawler.localstack.LocalStack}, the {@code make run/stop/status} command, which
 * also starts {@link io.simplecrawler.localstack.LocalStores} (embedded Postgres and Redis) and a
 * KRaft broker when none answers, and nginx in front of the gateway when it is installed
 * ({@link io.simplecrawler.localstack.LocalNginx}, from the repository's nginx/nginx.conf).
 * This module owns nothing at run time but the run folder
 * {@code .run/} (pids, logs, data, results).
 */
package io.simplecrawler.localstack;
