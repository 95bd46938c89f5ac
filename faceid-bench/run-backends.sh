#!/usr/bin/env bash
# Both backends side by side in one JMH run (about 8 minutes on 2 cores): MTCNN on a 640x480 frame at minimum face
# 20 and 50, the share of it its network calls take (DetectionOverheadBenchmark), and embedding throughput at batch
# 1 and 16, on ONNX Runtime and PyTorch. One fork per combination, 3 x 2 s warm-up, 5 x 3 s measurement. Writes target/jmh-backends.{json,log,md}; the README quotes its medians.
#
#   faceid-bench/run-backends.sh                 # build the jar, run
#   SKIP_BUILD=1 faceid-bench/run-backends.sh    # reuse the jar already built
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

run_profile backends 'EmbeddingBenchmark|DetectionBenchmark|DetectionOverheadBenchmark' \
  -p backend=onnx,pytorch -p batch=1,16 -p minFace=20,50 -p frameSize=640x480 \
  -f 1 -wi 3 -w 2s -i 5 -r 3s \
  "$@"
