#!/usr/bin/env bash
# Operator commands on the local stack (make health, topics, lag, psql, redis-cli, backup, restore,
# *-logs). Settings come from compose/local/run.sh env, so they follow the same environment
# variables as make run (RUN_DIR, POSTGRES_URL, KAFKA_BOOTSTRAP_SERVERS ...).
#
#   compose/local/ops.sh health              what runs, and the API's GET /health
#   compose/local/ops.sh logs NAME...        follow .run/logs/NAME.log (globs allowed: 'fetcher-*')
#   compose/local/ops.sh topics              describe the topics (Kafka's TopicCommand)
#   compose/local/ops.sh lag                 consumer groups and their lag (ConsumerGroupCommand)
#   compose/local/ops.sh psql                psql on the jobs database
#   compose/local/ops.sh redis-cli           redis-cli on the crawl state
#   compose/local/ops.sh backup              pg_dump + result files -> BACKUP_DIR/simplecrawler-<UTC time>.tar.gz
#   compose/local/ops.sh restore FILE        brings both back (replaces the tables and the result files)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
command="${1:-}"
shift || true

# exported, for pg_dump, psql and redis-cli
set -a
eval "$(compose/local/run.sh env)"
set +a
classpath="$root/compose/local/target/classes:$(cat "$root/compose/local/target/classpath.txt")"

# A Debian package's program: installed when missing and this runs as root, else a clear error.
need() {
  local program=$1 package=$2
  command -v "$program" >/dev/null 2>&1 && return
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "$program is missing: installing Debian's $package ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q -o DPkg::Lock::Timeout=600 "$package" >/dev/null \
      || { apt-get update -q >/dev/null && apt-get install -y -q -o DPkg::Lock::Timeout=600 "$package" >/dev/null; }
  else
    echo "error: $program is not installed (Debian package $package)" >&2
    exit 1
  fi
}

kafka_tool() {
  java -Xmx256m -Dlogback.configurationFile=localstack-logback.xml -Dlocalstack.level=WARN -Dlocalstack.kafka.level=WARN \
    -cp "$classpath" "$@" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS"
}

case "$command" in
  health)
    compose/local/run.sh status
    echo
    echo "GET $API_URL/health"
    curl -sS --max-time 10 "$API_URL/health" && echo
    ;;
  logs)
    files=()
    for name in "$@"; do
      for file in "$RUN_DIR"/logs/$name.log; do
        [[ -e "$file" ]] && files+=("$file")
      done
    done
    if [[ ${#files[@]} -eq 0 ]]; then
      echo "No log for $* in $RUN_DIR/logs (make run first)"
      exit 1
    fi
    exec tail -n 50 -F "${files[@]}"
    ;;
  topics)
    kafka_tool org.apache.kafka.tools.TopicCommand --describe --exclude-internal
    ;;
  lag)
    kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --describe --all-groups
    ;;
  psql)
    need psql postgresql-client
    exec psql "$@"
    ;;
  redis-cli)
    need redis-cli redis-tools
    exec redis-cli -u "$REDIS_URL" "$@"
    ;;
  backup)
    need pg_dump postgresql-client
    dir="${BACKUP_DIR:-$root/backups}"
    archive="$dir/simplecrawler-$(date -u +%Y%m%d-%H%M%S).tar.gz"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mkdir -p "$dir" "$work/results"
    # --clean: the dump drops and recreates its tables on restore
    pg_dump --clean --if-exists --no-owner --no-privileges -f "$work/postgres.sql"
    if [[ -d "$RESULTS_DIR" ]]; then
      cp -a "$RESULTS_DIR/." "$work/results/"
    fi
    tar -C "$work" -czf "$archive" postgres.sql results
    echo "Backup: $archive ($(du -h "$archive" | cut -f1); jobs database $PGDATABASE, results from $RESULTS_DIR)"
    ;;
  restore)
    file="${1:-}"
    if [[ -z "$file" || ! -f "$file" ]]; then
      echo "usage: make restore FILE=backups/simplecrawler-<time>.tar.gz" >&2
      exit 1
    fi
    need psql postgresql-client
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    tar -C "$work" -xzf "$file"
    psql --quiet -v ON_ERROR_STOP=1 -f "$work/postgres.sql" >/dev/null
    mkdir -p "$RESULTS_DIR"
    find "$RESULTS_DIR" -mindepth 1 -delete
    cp -a "$work/results/." "$RESULTS_DIR/"
    echo "Restored $file: jobs database $PGDATABASE, results in $RESULTS_DIR"
    ;;
  *)
    sed -n '2,15p' "$0" >&2
    exit 1
    ;;
esac
