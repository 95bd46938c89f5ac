#!/usr/bin/env bash
# Builds faceid-bench/target/benchmarks.jar and runs every benchmark with a quick profile: one fork, 3 warm-up
# iterations of 2 s and 5 measured iterations of 3 s per parameter combination (8 combinations, about 3.5 minutes on
# 2 cores; forks start the JVM and load the models, a few seconds each).
#
#   faceid-bench/run-quick.sh                      # everything
#   faceid-bench/run-quick.sh DetectionBenchmark   # extra arguments go to JMH (a benchmark regex, -p backend=onnx, ...)
#   MVN="flock /tmp/mvn.lock mvn" faceid-bench/run-quick.sh   # how Maven is invoked (default: mvn)
#   SKIP_BUILD=1 faceid-bench/run-quick.sh         # reuse the jar already built
#
# Results: faceid-bench/target/jmh-quick.json (JMH JSON) and faceid-bench/target/jmh-quick.log (full log); the
# summary table is printed at the end. Quick numbers are indicative only; for publishable ones run
#   java -jar faceid-bench/target/benchmarks.jar -rf json
# with the defaults in the annotations (5 x 2 s warm-up, 10 x 2 s measurement) on an otherwise idle machine.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
jar="$bench_dir/target/benchmarks.jar"
read -r -a mvn <<< "${MVN:-mvn}"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo ">> building $jar"
  (cd "$root" && "${mvn[@]}" -B -q -pl faceid-bench -am package -Pbench -Dmaven.test.skip=true)
fi
[[ -f "$jar" ]] || { echo "no $jar: build it first (unset SKIP_BUILD)" >&2; exit 1; }

cd "$bench_dir"
mkdir -p target
log=target/jmh-quick.log
echo ">> running the quick profile (full log: $bench_dir/$log)"
set +e
java -jar "$jar" \
  -f 1 -wi 3 -w 2s -i 5 -r 3s \
  -rf json -rff target/jmh-quick.json \
  "$@" 2>&1 | tee "$log" | grep --line-buffered -E '^# (Benchmark|Parameters):|^Result |^ERROR|Exception'
status=${PIPESTATUS[0]}
set -e
echo
sed -n '/^Benchmark  /,$p' "$log"
if [[ $status -ne 0 ]]; then
  echo "JMH failed (exit $status); see $bench_dir/$log" >&2
  exit "$status"
fi
echo
echo "JSON: $bench_dir/target/jmh-quick.json"
