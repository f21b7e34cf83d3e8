#!/usr/bin/env bash
# make test: every test of every module (mvn -B verify at the root), then one summary line.
# First the Debian packages some tests need (installed when this runs as root): nginx, skipped
# loudly without it; docker-compose, whose "config" checks the Compose file; chromium, for the
# dashboard's browser test (skipped loudly without it); docker.io, whose engine the compose test
# (e2e's ComposeStackTest) needs: started here, as root, when none answers, and stopped at the end
# (its PID only); prometheus, whose promtool checks the metrics, the rules and make monitor.
set -uo pipefail
cd "$(dirname "$0")/../.."
mkdir -p target
log=target/verify.log
compose/local/ensure-package.sh nginx nginx "the nginx tests are skipped"
compose/local/ensure-package.sh docker-compose docker-compose "the Compose file is checked without docker-compose config"
compose/local/ensure-package.sh chromium chromium "the dashboard's browser test is skipped"
compose/local/ensure-package.sh dockerd docker.io "the compose test is skipped"
compose/local/ensure-package.sh promtool prometheus "the metrics and alert-rule checks are skipped"
dockerd_pid=
if ! docker info >/dev/null 2>&1 && [[ $EUID -eq 0 ]] && command -v dockerd >/dev/null 2>&1; then
  echo "Starting a Docker engine for the compose test (log: target/dockerd.log) ..."
  dockerd > target/dockerd.log 2>&1 &
  dockerd_pid=$!
  trap '[[ -n "$dockerd_pid" ]] && kill "$dockerd_pid" && wait "$dockerd_pid"' EXIT
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
fi
if docker info >/dev/null 2>&1; then
  echo "Building the compose images' layers that need no jar in the background (log: target/compose-warm.log) ..."
  compose/stack.sh warm > target/compose-warm.log 2>&1 &
fi

# two modules at a time: their tests wait on brokers and stores starting more than they compute
mvn -B -fae -T 2 -Dstyle.color=never verify "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

grep -E '^\[INFO\] .* (SUCCESS|FAILURE|SKIPPED)' "$log" | sed 's/^\[INFO\] /  /' || true
if ! docker info >/dev/null 2>&1; then
  echo
  echo "!!! No Docker engine answered (make test starts one only as root with docker.io installed): the compose test was SKIPPED !!!"
fi
if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
  echo
  echo "!!! nginx is not installed (make test installs it only when run as root): the nginx tests were SKIPPED !!!"
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo
  echo "!!! chromium is not installed (make test installs it only when run as root): the dashboard's browser test was SKIPPED !!!"
fi
if ! command -v promtool >/dev/null 2>&1; then
  echo
  echo "!!! Debian's prometheus package is not installed (make test installs it only when run as root): the promtool and make monitor checks were SKIPPED !!!"
fi
if [[ $status -ne 0 ]]; then
  echo "mvn verify failed (exit $status); full log: $log"
fi
# Module totals end with "Skipped: N"; the per-class lines go on with "Time elapsed".
grep -E 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log" \
  | sed -E 's/.*Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+)$/\1 \2 \3 \4/' \
  | awk '{ run += $1; failed += $2 + $3; skipped += $4 }
         END { printf "\nTests: %d passed, %d failed, %d skipped\n", run - failed - skipped, failed, skipped }'
exit "$status"
