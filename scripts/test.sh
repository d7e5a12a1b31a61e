#!/usr/bin/env bash
# Run every test tier: unit, integration (real embedder, store, HTTP server) and
# browser (Debian's chromium). Installs what is missing first, so it works on a
# fresh machine; extra arguments go to pytest (e.g. -m "not browser").
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
# chromium for the browser tests; a CJK font so that the pages (and the screenshots the
# browser tests refresh in docs/) show Chinese rather than empty boxes
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
fi
bash scripts/setup.sh
PY=${PYTHON:-python3}
$PY -m pytest "$@"
