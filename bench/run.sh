#!/usr/bin/env bash
# make bench: the per-page JMH benchmark (bench/jmh/run.sh, when present), then the end-to-end
# benchmark on a fresh local stack of its own (bench/e2e/bench.py). Results: bench/results/.
#
#   bench/run.sh [--e2e-only] [--no-build] [--scenarios c,a,b] [--jfr] [--references-only]
#   make bench ARGS="--e2e-only --jfr"
#
#   --e2e-only        skip JMH (also: BENCH_SKIP_JMH=1)
#   --no-build        use the service jars as they are (also: BENCH_SKIP_BUILD=1)
#   --scenarios LIST  end-to-end scenarios to run, in order: c (10 pages, idle stack),
#                     s (Firecrawl's POST /v2/scrape of one page, 10 times after a warm-up),
#                     a (1000 pages, postgresql docs), w (a again, measured after an unmeasured
#                     warm-up job), l (linear cost: a 1000-page then a 10,000-page job on the
#                     generated site, heaps after a full GC at 10% and 90% of the long one),
#                     h (a 100,000-page job on a generated site whose pages link across 3 hosts,
#                     heaps at 10% and 90%; no reference crawlers),
#                     b (3x1000 pages on 3 hosts, 1 then 3 fetchers)
#   --jfr             every JVM of the stack records a JDK Flight Recording (settings=profile)
#                     into bench/results/jfr-<time>/, written when the stack stops
#   --references-only only the reference crawlers (wget, Scrapy) on the scenarios' sites: no JMH,
#                     no build, no stack (wget has no job's bytes as its quota: it crawls the whole site)
set -euo pipefail
cd "$(dirname "$0")/.."

e2e_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --e2e-only) BENCH_SKIP_JMH=1 ;;
    --no-build) BENCH_SKIP_BUILD=1 ;;
    --scenarios) e2e_args+=("$1" "$2"); shift ;;
    --scenarios=*|--jfr) e2e_args+=("$1") ;;
    --references-only) BENCH_SKIP_JMH=1; BENCH_SKIP_BUILD=1; e2e_args+=("$1") ;;
    *) sed -n '2,15p' "$0"; exit 2 ;;
  esac
  shift
done

if [[ "${BENCH_SKIP_JMH:-0}" != 1 && -x bench/jmh/run.sh ]]; then
  bench/jmh/run.sh
fi
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building the service jars (mvn -B -q -DskipTests install) ..."
  mvn -B -q -Dstyle.color=never -DskipTests install
fi
exec python3 bench/e2e/bench.py "${e2e_args[@]}"
