#!/usr/bin/env bash
# The compose stack's commands behind the Makefile (make images, make up, make health ...). Works with
# "docker compose" (v2) and "docker-compose" (1.29), whichever is installed; neither needs a registry.
#
#   compose/stack.sh images        the base image, the host-built jars, then every image of the compose file
#   compose/stack.sh warm          the images' layers that need no jar (base, JRE, the renderer's Chromium,
#                                  Postgres, Redis, nginx, Prometheus), built ahead: make test runs it while
#                                  the modules build
#   compose/stack.sh env           writes compose/.env with random secrets if there is none
#   compose/stack.sh up            env, images, start, wait until every container is healthy, print the API address
#   compose/stack.sh wait          wait until every container of the stack is healthy (STACK_TIMEOUT seconds, 300)
#   compose/stack.sh health        each container's state and health, then the API's GET /health through nginx
#   compose/stack.sh api-key NAME [admin]   a new API key in the stack's database, printed once
#   compose/stack.sh compose ARGS  the compose command with this stack's file and project name
#
# Settings: MAVEN_ARGS (e.g. -o) for the jar build, DEBIAN_MIRROR for debootstrap (default: the
# first mirror of this machine's apt sources), COMPOSE_PROJECT (simplecrawler), STACK_ENV (the
# settings file, compose/.env; a test stack uses one of its own), STACK_OVERRIDE (a second compose
# file on top, e.g. a test's site). Variables set in the environment win over the settings file.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
project=${COMPOSE_PROJECT:-simplecrawler}
env=${STACK_ENV:-compose/.env}
base=debian:bookworm-slim
version=0.1.0-SNAPSHOT
services=(gateway frontier fetcher renderer exporter analytics)
# what a service jar is built from: its own module and the modules every service shares
shared_sources=(pom.xml schemas/src/main crawlscope/src/main faults/src/main broker/src/main streams/src/main netguard/src/main crawlstate/src/main pageparse/src/main politeness/src/main settlement/src/main)

compose() {
  local options=(-f compose/docker-compose.yml ${STACK_OVERRIDE:+-f "$STACK_OVERRIDE"} -p "$project")
  [[ -f "$env" ]] && options=(--env-file "$env" "${options[@]}")
  if docker compose version >/dev/null 2>&1; then
    docker compose "${options[@]}" "$@"
  else
    docker-compose "${options[@]}" "$@"
  fi
}

die() { echo "$*" >&2; exit 1; }

require_engine() {
  docker info >/dev/null 2>&1 || die "No Docker engine answers here (start dockerd, or use make run for the local stack)."
}

# debian:bookworm-slim: present, else pulled, else (no registry) made with debootstrap from Debian's mirror
# (one at a time: make test warms the layers in the background while a test may run make up)
base_image() {
  local lock
  exec {lock}>"${TMPDIR:-/tmp}/simplecrawler-base-image.lock"
  flock "$lock"
  make_base
  exec {lock}>&-
}

make_base() {
  docker image inspect "$base" >/dev/null 2>&1 && return
  echo "Base image $base: pulling ..."
  if timeout 120 docker pull -q "$base" >/dev/null 2>&1; then return; fi
  [[ $EUID -eq 0 ]] || die "No $base image and no registry answers: run make images as root once (it builds the base with debootstrap), or docker load one."
  compose/local/ensure-package.sh debootstrap debootstrap "the base image cannot be built"
  command -v debootstrap >/dev/null || [[ -x /usr/sbin/debootstrap ]] || die "debootstrap is missing"
  local mirror=${DEBIAN_MIRROR:-$(debian_mirror)} dir
  dir=$(mktemp -d)
  echo "No registry: building $base with debootstrap from $mirror (about a minute) ..."
  PATH=$PATH:/usr/sbin debootstrap --variant=minbase bookworm "$dir" "$mirror" > "$dir.log" 2>&1 \
    || die "debootstrap failed; see $dir.log"
  slim "$dir"
  tar -C "$dir" -c . | docker import - "$base" >/dev/null
  rm -rf "$dir" "$dir.log"
}

# as Debian's official slim image: no package lists, downloaded packages, documentation or
# translations, now and in what images install later
slim() {
  rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin "$1"/var/cache/apt/archives/*.deb \
    "$1"/usr/share/doc/* "$1"/usr/share/man/* "$1"/usr/share/info/* "$1"/usr/share/locale/*
  cat > "$1/etc/dpkg/dpkg.cfg.d/docker" <<'DPKG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
DPKG
  echo 'APT::Keep-Downloaded-Packages "false";' > "$1/etc/apt/apt.conf.d/docker-clean"
}

# the first Debian mirror of this machine's apt sources (deb822 .sources or one-line sources.list)
debian_mirror() {
  local mirror
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ && $2 ~ /debian\/?$/ { print $2; exit }')
  [[ -n "$mirror" ]] || mirror=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:.*debian\/?$/) { print $i; exit } }' \
    /etc/apt/sources.list 2>/dev/null)
  echo "${mirror:-http://deb.debian.org/debian}"
}

jars_fresh() {
  local service jar
  for service in "${services[@]}"; do
    jar=$service/target/$service-$version.jar
    [[ -f "$jar" ]] || return 1
    [[ -z "$(find "$service/pom.xml" "$service/src/main" "${shared_sources[@]}" -newer "$jar" -print -quit)" ]] || return 1
  done
}

# the service jars (shaded) and the Kafka broker's jars, built on the host: no Maven inside a container
jars() {
  if jars_fresh; then
    echo "Service jars are up to date."
  else
    echo "Building the service jars (mvn -B -q -DskipTests package) ..."
    mvn -B -q -Dstyle.color=never -DskipTests package -pl "$(IFS=,; echo "${services[*]}")" -am
  fi
  local libs=compose/local/target/kafka-libs classpath=compose/local/target/kafka-classpath.txt
  if [[ ! -d "$libs" || compose/local/pom.xml -nt "$libs" || pom.xml -nt "$libs" ]]; then
    echo "Collecting the Kafka broker's jars (compose/local's runtime classpath) ..."
    # the last module of the reactor (compose/local) writes the file last
    mvn -B -q -Dstyle.color=never -pl compose/local -am compile dependency:build-classpath -DincludeScope=runtime \
      -Dmdep.outputFile="$root/$classpath"
    rm -rf "$libs.tmp" && mkdir -p "$libs.tmp"
    # the broker's jars: not the local stack's embedded Postgres and Redis, nor the JDBC driver
    tr ':' '\n' < "$classpath" | grep '\.jar$' | grep -vE '/(embedded-[^/]*|postgresql-[^/]*)\.jar$' \
      | xargs -r cp -t "$libs.tmp"
    rm -rf "$libs" && mv "$libs.tmp" "$libs"
  fi
}

# the same builder as docker-compose 1.29's (the legacy one), so that its builds find these layers cached
warm() {
  require_engine
  base_image
  echo "Building the layers that need no jar ..."
  DOCKER_BUILDKIT=0 docker build -q --target runtime -f compose/images/Dockerfile . >/dev/null
  DOCKER_BUILDKIT=0 docker build -q --target runtime --build-arg PACKAGES=chromium -f compose/images/Dockerfile . >/dev/null
  local image
  for image in postgres redis nginx prometheus; do
    DOCKER_BUILDKIT=0 docker build -q -f "compose/images/$image/Dockerfile" -t "simplecrawler/$image:${TAG:-latest}" . >/dev/null
  done
  echo "Warm: the base, JRE, Chromium, Postgres, Redis, nginx and Prometheus layers are built."
}

images() {
  require_engine
  env_file
  base_image
  jars
  echo "Building the images ..."
  compose build
  docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep "^simplecrawler/" | sort
}

# compose/.env with random secrets, once; git-ignored. The Postgres volume keeps the password it was made with.
env_file() {
  [[ -f "$env" ]] && return
  local password cluster
  password=$(openssl rand -base64 48 | tr -d '/+=\n' | cut -c1-40)
  cluster=$(openssl rand -base64 16 | tr '+/' '-_' | tr -d '=\n')
  sed -e "s|^POSTGRES_PASSWORD=.*|POSTGRES_PASSWORD=$password|" -e "s|^KAFKA_CLUSTER_ID=.*|KAFKA_CLUSTER_ID=$cluster|" \
    compose/.env.example > "$env.tmp"
  chmod 600 "$env.tmp" && mv "$env.tmp" "$env"
  echo "Wrote $env with a random POSTGRES_PASSWORD and KAFKA_CLUSTER_ID (git-ignored; keep it: the volumes were made with them)."
}

setting() {
  if [[ -n "${!1:-}" ]]; then echo "${!1}"; else sed -n "s/^$1=//p" "$env" 2>/dev/null | tail -1; fi
}

# waits until every container of the stack runs and reports healthy
wait_healthy() {
  local deadline=$((SECONDS + ${STACK_TIMEOUT:-300})) states
  while true; do
    states=$(compose ps -q | xargs -r docker inspect -f \
      '{{.Name}} {{.State.Status}}{{if .State.Health}}/{{.State.Health.Status}}{{end}}')
    if [[ -n "$states" ]] && ! grep -qvE ' running/healthy$' <<<"$states"; then
      return 0
    fi
    # created, not running, after compose up: it could not start (compose said why)
    if (( SECONDS > deadline )) || grep -qE ' created$' <<<"$states"; then
      echo "Not healthy after ${STACK_TIMEOUT:-300} s:" >&2
      grep -vE ' running/healthy$' <<<"$states" >&2 || true
      exit 1
    fi
    sleep 2
  done
}

addresses() {
  echo "SimpleCrawler API: http://127.0.0.1:$(http_port)"
  if [[ "$(setting NGINX_TLS)" != off ]]; then
    echo "                   https://127.0.0.1:$(https_port) (HTTP redirects there; certificate: compose/.env's NGINX_TLS_CERTS, else self-signed)"
  fi
}
http_port() { local p; p=$(setting HTTP_PORT); echo "${p:-8080}"; }
https_port() { local p; p=$(setting HTTPS_PORT); echo "${p:-8443}"; }

up() {
  require_engine
  env_file
  images
  local started=$SECONDS
  compose up -d
  wait_healthy
  echo "Stack healthy $((SECONDS - started)) s after compose up."
  addresses
}

health() {
  compose ps -q | xargs -r docker inspect -f \
    '{{printf "%-36s" .Name}} {{.State.Status}}{{if .State.Health}} ({{.State.Health.Status}}){{end}}'
  if [[ "$(setting NGINX_TLS)" != off ]]; then
    curl -sSk "https://127.0.0.1:$(https_port)/health"
  else
    curl -sS "http://127.0.0.1:$(http_port)/health"
  fi
  echo
}

api_key() {
  [[ -n "${1:-}" ]] || die "usage: make api-key NAME=<name> [ADMIN=1]"
  compose exec -T gateway java -cp /app/app.jar io.simplecrawler.gateway.auth.ApiKeyTool "$@"
}

command=${1:-}
shift || true
case "$command" in
  images) images ;;
  warm) warm ;;
  env) env_file ;;
  up) up ;;
  wait) wait_healthy ;;
  health) health ;;
  api-key) api_key "$@" ;;
  compose) compose "$@" ;;
  *) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac
