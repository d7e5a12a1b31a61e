#!/usr/bin/env bash
# Install emkb and its dependencies. torch==2.13.0 first: that release is the local
# CPU build; any other torch would download several GB of CUDA wheels.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
$PY -m pip install -q torch==2.13.0
$PY -m pip install -q -e ".[test]"
