#!/usr/bin/env bash
# Set up, ingest the bundled corpus and serve the API and web pages.
#   bash scripts/run.sh            # http://127.0.0.1:8000/
#   EMKB_HOST=0.0.0.0 EMKB_PORT=9000 bash scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
PY=${PYTHON:-python3}
$PY -m api.cli ingest corpus/
exec $PY -m api.cli serve --host "${EMKB_HOST:-127.0.0.1}" --port "${EMKB_PORT:-8000}"
