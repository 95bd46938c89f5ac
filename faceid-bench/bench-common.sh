# Shared by run-quick.sh and run-full.sh (sourced, not run): builds target/benchmarks.jar, runs JMH once with the
# profile's arguments, and writes target/jmh-PROFILE.json (JMH JSON), target/jmh-PROFILE.log (full log) and
# target/jmh-PROFILE.md (medians and derived ratios, by dev.faceid.bench.BenchReport).
#
# Environment: MVN="flock /tmp/mvn.lock mvn" sets how Maven is invoked (default: mvn); SKIP_BUILD=1 reuses the jar.
# JMH itself can be wrapped the same way with JAVA="flock /tmp/mvn.lock java" (default: java).

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
jar="$bench_dir/target/benchmarks.jar"
read -r -a mvn <<< "${MVN:-mvn}"
read -r -a java <<< "${JAVA:-java}"

# run_profile NAME JMH-ARGUMENTS...
run_profile() {
  local name=$1
  shift
  if [[ -z "${SKIP_BUILD:-}" ]]; then
    echo ">> building $jar"
    (cd "$root" && "${mvn[@]}" -B -q -pl faceid-bench -am package -Pbench -Dmaven.test.skip=true)
  fi
  [[ -f "$jar" ]] || { echo "no $jar: build it first (unset SKIP_BUILD)" >&2; exit 1; }

  cd "$bench_dir"
  mkdir -p target
  local log=target/jmh-$name.log json=target/jmh-$name.json md=target/jmh-$name.md
  echo ">> running the $name profile (full log: $bench_dir/$log)"
  set +e
  "${java[@]}" -jar "$jar" -rf json -rff "$json" "$@" 2>&1 | tee "$log" \
    | grep --line-buffered -E '^# (Benchmark|Parameters):|^Result |^ERROR|Exception'
  local status=${PIPESTATUS[0]}
  set -e
  if [[ $status -ne 0 ]]; then
    echo "JMH failed (exit $status); see $bench_dir/$log" >&2
    exit "$status"
  fi
  {
    echo "Profile \`$name\`: \`java -jar faceid-bench/target/benchmarks.jar $(printf '%q ' "$@" | sed 's/ $//')\`"
    echo "on $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"\
      "$(free -g | awk '/^Mem:/ {print $2}') GiB, $("${java[@]}" -version 2>&1 | head -1)"
    echo
    "${java[@]}" -cp "$jar" dev.faceid.bench.BenchReport "$json"
  } > "$md"
  echo
  cat "$md"
  echo
  echo "JSON: $bench_dir/$json"
  echo "Markdown: $bench_dir/$md"
}
