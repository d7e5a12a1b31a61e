"""Loading, cleaning, parsing and chunking documents; the Haystack ingest pipeline."""

import os as _os

# Haystack sends usage telemetry by default; emkb runs offline and must not phone home.
_os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")
