/**
 * The pipeline on one machine without Docker: the {@code make run/stop/status} launcher and the
 * process control it shares with the end-to-end tests. Test fixtures (test broker, stores, sites)
 * are in {@code io.simplecrawler.testkit}, which builds on this package, never the other way.
 *
 * <p>{@link io.simplecrawler.localstack.LocalStack} is the command behind {@code compose/local/run.sh}:
 * it starts {@link io.simplecrawler.localstack.LocalStores} (embedded Postgres and Redis in a JVM of
 * their own) and a KRaft broker ({@link io.simplecrawler.localstack.LocalKafka}) when none answers,
 * the services through {@link io.simplecrawler.localstack.PipelineProcesses}, and nginx in front
 * of the gateway when it is installed ({@link io.simplecrawler.localstack.LocalNginx}, from the
 * repository's nginx/nginx.conf). {@code make monitor} starts Prometheus against the running services
 * ({@link io.simplecrawler.localstack.LocalPrometheus}, from monitoring/prometheus-local.yml and the
 * alert rules of monitoring/rules), a process of the stack like the others, stopped by {@code make stop}.
 *
 * <p>The end-to-end tests start the same service jars as JVMs through
 * {@link io.simplecrawler.localstack.PipelineProcesses#forTests} ({@link io.simplecrawler.localstack.ServiceProcess})
 * and a broker they can restart or kill ({@link io.simplecrawler.localstack.KafkaBrokerProcess}).
 * This module owns nothing at run time but the run folder {@code .run/} (pids, logs, data, results).
 */
package io.simplecrawler.localstack;
