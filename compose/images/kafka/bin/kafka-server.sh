#!/bin/bash
# Writes server.properties from the KAFKA_<PROPERTY> variables (KAFKA_LOG_DIRS -> log.dirs), formats
# the log directory with CLUSTER_ID the first time, and runs the broker in the foreground.
set -euo pipefail
: "${CLUSTER_ID:?set CLUSTER_ID (a base64 UUID) for the KRaft cluster}"
properties=/opt/kafka/config/server.properties
{
  echo "# written by kafka-server.sh at start from the KAFKA_ variables; edits are overwritten"
  env | while IFS='=' read -r name value; do
    case "$name" in
      KAFKA_HEAP_OPTS|KAFKA_OPTS) ;;
      KAFKA_*) key=${name#KAFKA_}; key=${key,,}; echo "${key//_/.}=$value" ;;
    esac
  done
} > "$properties"
run() { exec_or_run=$1; shift; $exec_or_run java $KAFKA_HEAP_OPTS ${KAFKA_OPTS:-} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -Dlogback.configurationFile=/opt/kafka/logback.xml -cp '/opt/kafka/libs/*' "$@"; }
run "" kafka.tools.StorageTool format --config "$properties" --cluster-id "$CLUSTER_ID" --ignore-formatted
run exec kafka.Kafka "$properties"
