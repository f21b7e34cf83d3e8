#!/bin/bash
exec /opt/kafka/bin/kafka-run-tool.sh org.apache.kafka.tools.consumer.group.ConsumerGroupCommand "$@"
