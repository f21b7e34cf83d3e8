# SimpleCrawler: build, run the local stack (no Docker), test.
SHELL := /bin/bash
.DEFAULT_GOAL := help
N ?= 2

.PHONY: help build run infra stop status logs scale-fetchers test clean

help: ## List the targets
	@awk 'BEGIN { FS = ":.*## " } /^[a-z-]+:.*## / { printf "  make %-16s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

build: ## Build every module and the service jars (no tests)
	mvn -B -q -DskipTests install

run: ## Build, start Postgres, Redis, Kafka and the four services; prints the API URL
	@compose/local/run.sh run

infra: ## Start only Postgres, Redis and Kafka (to run a service from an IDE)
	@compose/local/run.sh infra

stop: ## Stop exactly what run/infra started, by PID
	@compose/local/run.sh stop

status: ## Show what runs and whether it answers
	@compose/local/run.sh status

scale-fetchers: ## Run N fetcher replicas, e.g. make scale-fetchers N=3
	@compose/local/run.sh scale $(N)

logs: ## Show the last lines of every log under .run/logs (follow one: tail -f .run/logs/gateway.log)
	@if ls .run/logs/*.log >/dev/null 2>&1; then tail -n 30 .run/logs/*.log; else echo "No logs yet: make run"; fi

test: ## Run all tests of all modules (mvn -B verify) and print a summary
	@compose/local/verify.sh

clean: stop ## Stop the stack, delete .run/ and every module's target/
	rm -rf .run
	mvn -B -q clean
