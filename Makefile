# SimpleCrawler: build, run and operate it, as local processes (no Docker needed) or with Docker Compose.
# Operator targets (scale-fetchers, scale-analytics, logs, topics, lag, psql, redis-cli, backup, restore) act on the
# compose stack when it runs here, else on the local stack; force one with STACK=local|compose.
SHELL := /bin/bash
.DEFAULT_GOAL := help
N ?= 2
FILE ?=

# "docker compose" or "docker-compose", whichever is installed, with compose/.env and project simplecrawler
COMPOSE := compose/stack.sh compose
# evaluated when a target uses it: "compose" when a Docker engine answers and the compose stack runs
STACK ?= $(shell docker info >/dev/null 2>&1 && $(COMPOSE) ps -q 2>/dev/null | grep -q . && echo compose || echo local)
OPS := compose/local/ops.sh
# compose exec without a terminal when the input is not one (SQL piped into make psql)
NO_TTY = $$([ -t 0 ] || echo -T)

.PHONY: help build run infra dev quick-start stop restart status health logs api-logs fetcher-logs \
        frontier-logs exporter-logs renderer-logs nginx-logs scale-fetchers scale-renderers scale-analytics topics lag psql \
        api-key redis-cli backup restore \
        test soak bench clean images up down monitor

help: ## List the targets
	@awk 'BEGIN { FS = ":.*## " } /^[a-z-]+:.*## / { printf "  make %-16s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

build: ## Build every module and the service jars (no tests)
	mvn -B -q -DskipTests install

run: ## Build, start Postgres, Redis, Kafka, the services (RENDERERS=1 renderer with Chromium) and nginx; prints the API URL
	@compose/local/run.sh run

infra: ## Start only Postgres, Redis and Kafka (to run a service from an IDE)
	@compose/local/run.sh infra

dev: ## infra, then print the environment to run a service from an IDE or mvn mn:run
	@compose/local/run.sh infra
	@echo "Service environment (MICRONAUT_SERVER_PORT as you like):"
	@compose/local/run.sh env | grep -E '^(KAFKA|POSTGRES_|REDIS|RESULTS)' | sed 's/^/  export /'

quick-start: ## Start SimpleCrawler (compose when Docker runs here, else the local stack) and show a first crawl
	@if docker info >/dev/null 2>&1 && $(COMPOSE) version >/dev/null 2>&1; then $(MAKE) --no-print-directory up; \
	  else echo "No Docker engine here: starting the local stack"; compose/local/run.sh run; fi
	@echo; echo "Try (-L: compose redirects HTTP to HTTPS; -k: its first certificate is self-signed):"; \
	  echo "  curl -sLk -X POST http://127.0.0.1:8080/crawl -H 'Content-Type: application/json' -d '{\"url\": \"https://example.org/\", \"maxPages\": 20}'"; \
	  echo "  curl -sLk http://127.0.0.1:8080/jobs/<id>            # progress"; \
	  echo "  curl -sLk http://127.0.0.1:8080/jobs/<id>/results    # once completed"; \
	  echo "  open http://127.0.0.1:8080/docs                    # the API, in Swagger UI"

stop: ## Stop exactly what run/infra started, by PID
	@compose/local/run.sh stop

restart: ## stop, then run
	@compose/local/run.sh stop
	@compose/local/run.sh run

monitor: ## Prometheus (Debian's package) scraping the local stack with the alert rules of monitoring/; prints its address (compose: compose/stack.sh compose --profile monitoring up -d prometheus)
	@compose/local/run.sh monitor

status: ## Show what runs and whether it answers
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) ps; else compose/local/run.sh status; fi

health: ## Health of every process and the API's GET /health (components)
	@if [ "$(STACK)" = compose ]; then compose/stack.sh health; else $(OPS) health; fi

logs: ## The last lines of every log (follow one with make api-logs, fetcher-logs ...)
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) logs --tail 30; \
	  elif ls .run/logs/*.log >/dev/null 2>&1; then tail -n 30 .run/logs/*.log .run/logs/nginx/*.log 2>/dev/null; \
	  else echo "No logs yet: make run"; fi

api-logs: ## Follow the gateway's log
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) logs -f gateway; else $(OPS) logs gateway; fi

fetcher-logs: ## Follow every fetcher replica's log
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) logs -f fetcher; else $(OPS) logs 'fetcher-*'; fi

frontier-logs: ## Follow the frontier's log
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) logs -f frontier; else $(OPS) logs frontier; fi

exporter-logs: ## Follow the exporter's log
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) logs -f exporter; else $(OPS) logs exporter; fi

renderer-logs: ## Follow every renderer replica's log
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) logs -f renderer; else $(OPS) logs 'renderer-*'; fi

nginx-logs: ## Follow nginx's access and error logs
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) logs -f nginx; else $(OPS) logs nginx/access nginx/error; fi

scale-fetchers: ## Run N fetcher replicas, e.g. make scale-fetchers N=3 (compose: docker compose up --scale)
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) up -d --no-deps --no-recreate --scale fetcher=$(N) fetcher; \
	  else compose/local/run.sh scale $(N); fi

scale-renderers: ## Run N renderer replicas (headless Chromium), e.g. make scale-renderers N=2 (compose: docker compose up --scale)
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) up -d --no-deps --no-recreate --scale renderer=$(N) renderer; \
	  else compose/local/run.sh scale-renderers $(N); fi

scale-analytics: ## Run N analytics instances on compose, e.g. make scale-analytics N=2 (the local stack runs one)
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) up -d --no-deps --no-recreate --scale analytics=$(N) analytics; \
	  else echo "scale-analytics: compose only; the local stack runs one analytics instance (README: Analytics)" >&2; exit 2; fi

topics: ## Describe the Kafka topics (partitions, leaders)
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) exec -T kafka /opt/kafka/bin/kafka-topics.sh --bootstrap-server localhost:9092 --describe --exclude-internal; \
	  else $(OPS) topics; fi

lag: ## Consumer groups: members, partitions and lag
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) exec -T kafka /opt/kafka/bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --all-groups; \
	  else $(OPS) lag; fi

psql: ## psql on the jobs database (or the SQL on its input: echo 'select count(*) from jobs' | make psql)
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) exec $(NO_TTY) postgres sh -c 'psql -U "$$POSTGRES_USER" "$$POSTGRES_DB"'; else $(OPS) psql; fi

api-key: ## Make an API key (compose or local stack), e.g. make api-key NAME=alice [ADMIN=1]; prints the key once
	@test -n "$(NAME)" || { echo "usage: make api-key NAME=<name> [ADMIN=1]"; exit 2; }
	@if [ "$(STACK)" = compose ]; then compose/stack.sh api-key "$(NAME)" $(if $(ADMIN),admin,); else eval "$$(compose/local/run.sh env)" && export POSTGRES_URL POSTGRES_USER POSTGRES_PASSWORD && \
	  java -cp gateway/target/gateway-0.1.0-SNAPSHOT.jar io.simplecrawler.gateway.auth.ApiKeyTool "$(NAME)" $(if $(ADMIN),admin,); fi

redis-cli: ## redis-cli on the crawl state (or the commands on its input: echo dbsize | make redis-cli)
	@if [ "$(STACK)" = compose ]; then $(COMPOSE) exec $(NO_TTY) redis redis-cli; else $(OPS) redis-cli; fi

backup: ## Dump Postgres and the result files to backups/simplecrawler-<UTC time>.tar.gz
	@if [ "$(STACK)" = compose ]; then \
	  dir=$${BACKUP_DIR:-backups}; archive=$$dir/simplecrawler-$$(date -u +%Y%m%d-%H%M%S).tar.gz; work=$$(mktemp -d); mkdir -p "$$dir" "$$work/results" && \
	  $(COMPOSE) exec -T postgres sh -c 'pg_dump --clean --if-exists --no-owner --no-privileges -U "$$POSTGRES_USER" "$$POSTGRES_DB"' > "$$work/postgres.sql" && \
	  $(COMPOSE) exec -T exporter tar -C /data/results -cf - . | tar -C "$$work/results" -xf - && \
	  tar -C "$$work" -czf "$$archive" postgres.sql results && rm -rf "$$work" && echo "Backup: $$archive"; \
	  else $(OPS) backup; fi

restore: ## Bring back a backup: make restore FILE=backups/simplecrawler-<time>.tar.gz
	@if [ -z "$(FILE)" ]; then echo "usage: make restore FILE=backups/simplecrawler-<time>.tar.gz"; exit 1; fi
	@if [ "$(STACK)" = compose ]; then \
	  work=$$(mktemp -d); tar -C "$$work" -xzf "$(FILE)" && \
	  $(COMPOSE) exec -T postgres sh -c 'psql -q -v ON_ERROR_STOP=1 -U "$$POSTGRES_USER" "$$POSTGRES_DB"' < "$$work/postgres.sql" >/dev/null && \
	  $(COMPOSE) exec -T exporter sh -c 'find /data/results -mindepth 1 -delete' && \
	  tar -C "$$work/results" -cf - . | $(COMPOSE) exec -T exporter tar -C /data/results -xf - && \
	  rm -rf "$$work" && echo "Restored $(FILE)"; \
	  else $(OPS) restore "$(FILE)"; fi

test: ## Run all tests of all modules (mvn -B verify; installs nginx first when root) and print a summary
	@compose/local/verify.sh

soak: ## Random jobs and faults for SOAK_MINUTES (20) from SOAK_SEED (printed); fails on any violation, Redis growth included
	@seed=$${SOAK_SEED:-$$(date +%s)}; echo "soak: $${SOAK_MINUTES:-20} minutes, seed $$seed"; \
	  SOAK_MINUTES=$${SOAK_MINUTES:-20} SOAK_SEED=$$seed mvn -B -q -pl e2e -am verify -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false; \
	  status=$$?; grep -h '^SOAK' e2e/target/surefire-reports/io.simplecrawler.e2e.SoakTest-output.txt 2>/dev/null; exit $$status

bench: ## The throughput benchmark (JMH, then end to end on a stack of its own), e.g. make bench ARGS="--e2e-only --jfr"
	@if [ -x bench/run.sh ]; then bench/run.sh $(ARGS); else echo "No benchmark in this tree yet (issue 7 adds bench/run.sh); nothing to run."; fi

clean: stop ## Stop the local stack, delete .run/ and every module's target/
	rm -rf .run
	mvn -B -q clean

images: ## Docker Compose: build every image (Debian base, pulled or made with debootstrap; jars built here), no registry needed
	@compose/stack.sh images

up: ## Docker Compose: random secrets into compose/.env the first time, the images, start, wait until healthy; prints the API URL
	@compose/stack.sh up

down: ## Docker Compose: stop and remove the containers (volumes stay; add -v by hand to drop them)
	$(COMPOSE) down
