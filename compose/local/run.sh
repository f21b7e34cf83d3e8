#!/usr/bin/env bash
# The local stack without Docker: Postgres, Redis, Kafka, the six services (renderer included) and nginx in front of
# the gateway as local processes, everything under one run folder (.run/: pids, logs, data, results).
#
#   compose/local/run.sh run          build, then start whatever is not running yet
#   compose/local/run.sh infra        start only Postgres, Redis and Kafka
#   compose/local/run.sh stop         stop exactly what run/infra started, by PID
#   compose/local/run.sh status       what runs, and whether it answers
#   compose/local/run.sh scale N      run N fetcher replicas
#   compose/local/run.sh scale-renderers N   run N renderer replicas (Chromium, for render=always/auto jobs)
#   compose/local/run.sh env          the settings as shell assignments (for ops.sh)
#   compose/local/run.sh monitor      Prometheus (Debian's package) scraping the running services
#
# Settings (environment, with defaults): KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092,
# POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/simplecrawler, POSTGRES_USER/POSTGRES_PASSWORD=simplecrawler,
# REDIS_URL=redis://127.0.0.1:6379, RESULTS_DIR=.run/results, FETCHERS=2, RENDERERS=1, HTTP_PORT=8080 (nginx, or
# the gateway itself when nginx is not installed), GATEWAY_PORT=8088 behind nginx, FRONTIER_PORT=8081,
# EXPORTER_PORT=8082, ANALYTICS_PORT=8083, FETCHER_PORT=8090 (first replica), RENDERER_PORT=8110 (first replica),
# RENDERER_CHROMIUM=/usr/bin/chromium (Debian's chromium package, installed by make run when root), KAFKA_CONTROLLER_PORT=9093, RUN_DIR=.run,
# HTTP_ADDRESS=127.0.0.1 (nginx's listen address; 0.0.0.0 to serve other machines), BIND_ADDRESS=127.0.0.1
# (the services' listen address: keep it on loopback so that nginx stays the only way in),
# NGINX_BIN (default: nginx on the PATH or /usr/sbin/nginx), NO_NGINX=1 to run without nginx,
# SKIP_BUILD=1 to skip the build of "run", PROMETHEUS_PORT=9090 and PROMETHEUS_SCRAPE_INTERVAL=15s
# (monitor), PROMETHEUS_BIN (default: prometheus on the PATH or /usr/bin/prometheus). The SSRF guard lets the local stack crawl sites on this
# machine: SIMPLECRAWLER_ALLOWED_NETWORKS=127.0.0.0/8 and SIMPLECRAWLER_ALLOWED_PORTS=1024-65535
# by default (set them empty for the production defaults: no loopback, ports 80 and 443 only).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
export RUN_DIR="${RUN_DIR:-$root/.run}"
command="${1:-run}"
mkdir -p "$RUN_DIR"

if [[ "$command" == stop ]] && ! compgen -G "$RUN_DIR/pids/*.pid" >/dev/null; then
  echo "Nothing was running."
  exit 0
fi

if [[ "$command" == run && "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building all modules (mvn -B -q -Dstyle.color=never -DskipTests install) ..."
  mvn -B -q -Dstyle.color=never -DskipTests install
elif [[ ! -d compose/local/target/classes ]]; then
  echo "Building the local stack (mvn -B -q -Dstyle.color=never -DskipTests install -pl compose/local -am) ..." >&2
  mvn -B -q -Dstyle.color=never -DskipTests install -pl compose/local -am >&2
fi
if [[ "$command" == monitor && -z "${PROMETHEUS_BIN:-}" ]]; then
  compose/local/ensure-package.sh prometheus prometheus "make monitor cannot start Prometheus"
fi
if [[ ( "$command" == run && "${RENDERERS:-1}" != 0 || "$command" == scale-renderers ) && -z "${RENDERER_CHROMIUM:-}" ]]; then
  compose/local/ensure-package.sh chromium chromium "the renderer fails rendered pages with the reason that Chromium is missing"
fi
if [[ "$command" == run && "${NO_NGINX:-0}" != 1 && -z "${NGINX_BIN:-}" ]]; then
  compose/local/ensure-package.sh nginx nginx "the gateway answers on the API port directly"
fi

# the jars of the local stack (Kafka broker and tools, embedded stores): a build output, shared by run folders
classpath="$root/compose/local/target/classpath.txt"
if [[ ! -s "$classpath" || compose/local/pom.xml -nt "$classpath" ]]; then
  # written aside and moved, so that a second make run at the same time never reads half of it; with
  # the reactor (-am compile) so that it needs no installed schemas jar, whose classes are added below
  mvn -B -q -Dstyle.color=never -pl compose/local -am compile dependency:build-classpath \
    -Dmdep.excludeGroupIds=io.simplecrawler -Dmdep.outputFile="$classpath.$$" >&2
  mv "$classpath.$$" "$classpath"
fi

exec java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -Dlogback.configurationFile=localstack-logback.xml -Dlocalstack.level=WARN -Dlocalstack.kafka.level=OFF \
  -cp "$root/compose/local/target/classes:$root/schemas/target/classes:$(cat "$classpath")" \
  io.simplecrawler.localstack.LocalStack "$@"
