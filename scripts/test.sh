#!/usr/bin/env bash
# The README's test command: every tier (unit, integration with the real embedder,
# store and HTTP server, browser), then the quality gate on the benchmark subset.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
$PY -m pytest "$@"
