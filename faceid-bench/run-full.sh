#!/usr/bin/env bash
# The full profile: every benchmark and every parameter combination (both backends, batch 1, 8, 16, 32, galleries of
# 10^3 to 10^6 samples of 128, 192 and 512 values, ...) with the iteration counts of the annotations (5 x 2 s
# warm-up, 10 x 2 s measurement). Several hours on 2 cores; needs 8 GB of heap for the largest gallery.
#
#   faceid-bench/run-full.sh                     # build the jar, run, write target/jmh-full.{json,log,md}
#   faceid-bench/run-full.sh MatchingBenchmark   # extra arguments go to JMH (a benchmark regex, -p d=192, ...)
#   SKIP_BUILD=1 faceid-bench/run-full.sh        # reuse the jar already built
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

run_profile full "$@"
