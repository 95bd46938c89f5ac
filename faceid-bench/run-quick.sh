#!/usr/bin/env bash
# The quick profile: under 10 minutes on 2 cores. One JMH run with one fork per parameter combination, 3 x 2 s
# warm-up and 5 x 2 s measurement, on the combinations the README quotes (19 in all):
#   - MatchingBenchmark at N = 10^6, d = 192 (scalar|vector x 1|all threads x float32|int8) and
#     MemoryBandwidthBenchmark (1|all threads), so the scans are a fraction of the bandwidth of the same run;
#   - EmbeddingOverheadBenchmark (preprocess, infer, embed, raw DJL) and EmbeddingBenchmark on ONNX Runtime, batch 16;
#   - DetectionBenchmark on ONNX Runtime, 640x480 and 1280x720, minimum face 20 and 50.
#
#   faceid-bench/run-quick.sh                    # build the jar, run, write target/jmh-quick.{json,log,md}
#   faceid-bench/run-quick.sh -jvmArgs -Dx=y     # extra arguments go to JMH
#   SKIP_BUILD=1 faceid-bench/run-quick.sh       # reuse the jar already built
#
# Quick numbers are indicative only (one fork, short iterations); run-full.sh is the full profile.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

run_profile quick \
  'MatchingBenchmark|MemoryBandwidthBenchmark|EmbeddingOverheadBenchmark|EmbeddingBenchmark|DetectionBenchmark' \
  -p n=1000000 -p d=192 -p backend=onnx -p batch=16 \
  -f 1 -wi 3 -w 2s -i 5 -r 2s \
  "$@"
