#!/usr/bin/env bash
# The fetcher's per-page path with JMH (bench/jmh): ms per page and bytes allocated per page for
# the markdown, readable and summary formats on pages of 10 KB, 100 KB and 1 MB. Builds the
# benchmarks jar when it is missing or older than the sources, prints a table and writes JMH's
# JSON to bench/results/jmh.json. Extra arguments go to JMH, e.g. a benchmark filter:
#   bench/jmh/run.sh 'markdown'                      # only the markdown format
#   bench/jmh/run.sh -p page=PAGE_10K                # only the 10 KB page
#   bench/jmh/run.sh -jvmArgsAppend -XX:StartFlightRecording=filename=/tmp/page.jfr
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/bench/jmh/target/benchmarks.jar"
results="$root/bench/results"

stale() {
  [[ ! -f "$jar" ]] || [[ -n "$(find "$root/bench/jmh/src" "$root/bench/jmh/pom.xml" "$root/fetcher/src/main" \
      "$root/schemas/src/main" -newer "$jar" -print -quit)" ]]
}
if stale; then
  echo "Building the benchmarks jar..."
  (cd "$root" && mvn -B -q -o -pl bench/jmh -am package -DskipTests)
  touch "$jar" # the jar plugin leaves an up-to-date jar as it was
fi

mkdir -p "$results"
# 1 fork, 2 x 1 s warm-up, 3 x 1 s measured: about 7 s per benchmark and page (more for a 1 MB page
# that takes longer than a second), 9 of them: under 3 minutes on an idle 2-core machine
java -jar "$jar" -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc -rf json -rff "$results/jmh.json" "$@" \
  > "$results/jmh.log" 2>&1 || { tail -n 40 "$results/jmh.log"; exit 1; }

python3 - "$results/jmh.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))
print(f"{'benchmark':<10} {'page':<10} {'ms/page':>10} {'± error':>9} {'pages/s':>9} {'KB alloc/page':>14}")
for run in runs:
    name = run["benchmark"].rsplit(".", 1)[1]
    page = run["params"]["page"].removeprefix("PAGE_")
    ms = run["primaryMetric"]["score"]
    error = run["primaryMetric"]["scoreError"]
    alloc = run["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    print(f"{name:<10} {page:<10} {ms:>10.3f} {error:>9.3f} {1000 / ms:>9.1f} {alloc / 1024:>14.0f}")
PY
echo "JSON: $results/jmh.json (JMH's log: $results/jmh.log)"
