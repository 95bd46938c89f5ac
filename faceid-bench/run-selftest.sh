#!/usr/bin/env bash
# What the backends' load-time self-test costs (about 3 minutes): SelfTestBenchmark starts a backend and loads its
# four networks alone, with the known-answer check, and with one first run of each instead, 21 single shots each
# after 3 warm-up shots, on ONNX Runtime and PyTorch. Writes target/jmh-selftest.{json,log,md}; the README quotes its medians.
#
#   faceid-bench/run-selftest.sh                 # build the jar, run
#   SKIP_BUILD=1 faceid-bench/run-selftest.sh    # reuse the jar already built
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

run_profile selftest 'SelfTestBenchmark' -p backend=onnx,pytorch -f 1 "$@"
