#!/usr/bin/env bash
# Run every test tier: unit, integration (real embedder, store, HTTP server) and
# browser (Debian's chromium). Installs what is missing first, so it works on a
# fresh machine; extra arguments go to pytest (e.g. -m "not browser").
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
bash scripts/setup.sh
PY=${PYTHON:-python3}
$PY -m pytest "$@"
