"""Loading, cleaning, parsing and chunking documents; the Haystack ingest pipeline."""

import os as _os

# Haystack sends usage telemetry by default; emkb runs offline and must not phone home.
_os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")

# How documents are cleaned, parsed and chunked. A stored document read by an older version is
# re-read by the next `emkb ingest` even when its file has not changed, so an upgrade reaches it.
#   2: numbered table rows kept one per line; a PDF's running table header kept once;
#      no chunk left holding only a header or a few leftover words.
PARSER_VERSION = 2
