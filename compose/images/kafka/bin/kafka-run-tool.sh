#!/bin/bash
# Runs one of Kafka's command-line tools (a main class) from the broker's jars.
exec java -Xmx256m -Dlogback.configurationFile=/opt/kafka/logback.xml -cp '/opt/kafka/libs/*' "$@"
