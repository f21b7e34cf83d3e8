#!/bin/bash
# Makes the cluster on first start (the superuser POSTGRES_USER with POSTGRES_PASSWORD, the database
# POSTGRES_DB, password logins from any address; the socket, reachable only inside the container,
# trusts its users, as the postgres image does), then runs postgres in the foreground.
set -euo pipefail
: "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
user=${POSTGRES_USER:-postgres} database=${POSTGRES_DB:-${POSTGRES_USER:-postgres}}
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  password=$(mktemp)
  printf '%s' "$POSTGRES_PASSWORD" > "$password"
  initdb -D "$PGDATA" -U "$user" --pwfile="$password" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$password"
  # initdb's pg_hba.conf admits TCP only from loopback; the services connect over the compose network
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  if [[ "$database" != postgres ]]; then
    echo "CREATE DATABASE \"$database\" OWNER \"$user\";" | postgres --single -D "$PGDATA" -j postgres >/dev/null
  fi
  echo "postgres-entrypoint: made the cluster, role $user, database $database"
fi
exec postgres -D "$PGDATA" "$@"
