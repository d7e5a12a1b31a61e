"""The scale-corpus generator's original entry point, kept so that existing commands and imports
work; the code lives in the :mod:`eval.scale` package.

    python -m eval.scale_corpus --chunks 100000 --seed 7 --out /tmp/scale-100k
    EMKB_CORPUS_DIR=/tmp/scale-100k emkb ingest /tmp/scale-100k
"""

from __future__ import annotations

import sys

from eval.scale import (
    CORPUS,
    ChunkCounter,
    Material,
    ScaleCorpusError,
    ScaleDocument,
    generate,
    iter_documents,
    load_material,
    quotas,
)
from eval.scale.cli import main as _main
from eval.scale.vocabulary import (
    CATEGORIES,
    DOC_SIZE,
    OFFICES,
    SHARES,
    SUPERSEDED_SHARE,
    VALIDITY_IN_FORCE,
    VALIDITY_SUPERSEDED,
    YEARS,
)

__all__ = [
    "CATEGORIES",
    "CORPUS",
    "DOC_SIZE",
    "OFFICES",
    "SHARES",
    "SUPERSEDED_SHARE",
    "VALIDITY_IN_FORCE",
    "VALIDITY_SUPERSEDED",
    "YEARS",
    "ChunkCounter",
    "Material",
    "ScaleCorpusError",
    "ScaleDocument",
    "generate",
    "iter_documents",
    "load_material",
    "main",
    "quotas",
]


def main(argv: list[str] | None = None) -> int:
    """The command line under its original name (``python -m eval.scale_corpus`` in --help)."""
    return _main(argv, prog="python -m eval.scale_corpus")


if __name__ == "__main__":
    sys.exit(main())
