"""The vector store interface and its two backends.

``VectorStore`` is the one narrow interface the rest of emkb uses. Two
backends implement it:

- ``EdgeStore`` (kb/store_edge.py): qdrant-edge, Qdrant's in-process engine,
  the embedded default. Data lives in ``<data_dir>/qdrant-edge``.
- ``QdrantClientStore`` (kb/store_qdrant.py): qdrant-client, for a Qdrant
  server or cluster (``QDRANT_URL``), or qdrant-client's local mode in tests.

Both hold one point per chunk with a named dense vector ``dense`` (cosine) and
a named sparse vector ``sparse`` with Qdrant's IDF modifier; hybrid search is
two prefetches fused inside Qdrant (RRF or DBSF). tests/kb/test_store_contract.py
runs the same contract against both.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from collections.abc import Iterator
from typing import Any, Literal

from kb.sparse import SparseVec

DENSE = "dense"
SPARSE = "sparse"

# Payload fields with an index: every field a search or a delete filters on.
KEYWORD_INDEXES = ("doc_id", "category", "validity", "kind", "locator", "source")
INTEGER_INDEXES = ("year",)

Mode = Literal["hybrid", "dense", "sparse"]


@dataclass(frozen=True)
class IndexConfig:
    """How the collection is indexed and, on a Qdrant cluster, distributed (kb/settings.py).

    HNSW and quantization apply to the dense vectors; the sparse vectors always use
    Qdrant's inverted index with IDF. Set when the collection is created.
    """

    hnsw_m: int = 16
    hnsw_ef_construct: int = 100
    hnsw_ef: int = 0  # candidates per HNSW search; higher = better recall, slower; 0 = by graph size (auto_ef)
    full_scan_threshold_kb: int = 10_000  # segments smaller than this are searched exactly
    quantization: Literal["none", "int8"] = "none"  # int8: 4x less RAM for vectors, rescored
    oversampling: float = 2.0  # with int8: candidates fetched per result before rescoring
    vectors_on_disk: bool = False  # original vectors memory-mapped instead of in RAM
    payload_on_disk: bool = False
    # embedded engine only: the most chunks one index segment holds. A bulk load builds the index
    # every this many chunks, so a build maps one segment's old and new copies, not the whole store's
    segment_chunks: int = 200_000
    exact: bool = False  # every dense search exact (a baseline for recall)
    shards: int = 1  # Qdrant cluster only
    replicas: int = 1
    write_consistency: int = 1
    read_consistency: str = "majority"  # "all", "majority", "quorum" or a number of replicas


# hnsw_ef by store size (measured with eval/bench_scale.py, recall@10 of HNSW against exact search):
# ef 512 gives 0.99 at 100k chunks but 0.90 at 1M; 1024 gives 0.94 and 2048 0.975 at 1M (8 ms a query).
AUTO_EF_STEPS = ((200_000, 512), (500_000, 1024))
AUTO_EF_LARGE = 2048
AUTO_EF_RECHECK_S = 60.0  # how long a point count is trusted (other writers on a shared server)


def auto_ef(points: int) -> int:
    """HNSW candidates per search for a collection of ``points``: recall@10 >= 0.95 up to ~1M."""
    for upto, ef in AUTO_EF_STEPS:
        if points <= upto:
            return ef
    return AUTO_EF_LARGE


class StoreError(Exception):
    """The store failed; never reported as an empty result."""


class StoreUnavailableError(StoreError):
    """The store cannot be opened or reached."""


class StoreLockedError(StoreUnavailableError):
    """Another process owns the embedded store."""


@dataclass
class StorePoint:
    id: str  # a UUID string
    dense: list[float] | None
    sparse: SparseVec
    payload: dict[str, Any]


def point_from_record(point_id: Any, vector: dict | None, payload: dict | None) -> StorePoint:
    """A stored record (either backend's: named vectors, sparse with .indices/.values) as a StorePoint."""
    vec = vector or {}
    sp = vec.get(SPARSE)
    return StorePoint(
        id=str(point_id),
        dense=list(vec[DENSE]) if DENSE in vec else None,
        sparse=SparseVec(list(sp.indices), list(sp.values)) if sp is not None else SparseVec([], []),
        payload=dict(payload or {}),
    )


@dataclass
class Hit:
    id: str
    score: float
    payload: dict[str, Any]


@dataclass
class SearchFilter:
    """Conjunction of payload conditions; a list value means "any of"."""

    equals: dict[str, Any] = field(default_factory=dict)
    year_gte: int | None = None
    year_lte: int | None = None

    def is_empty(self) -> bool:
        return not self.equals and self.year_gte is None and self.year_lte is None


class VectorStore(ABC):
    """One collection of chunk points."""

    config: IndexConfig
    _ef_cache: tuple[float, int] | None = None  # (when counted, ef) for IndexConfig.hnsw_ef == 0

    def search_ef(self) -> int:
        """``hnsw_ef`` for the next search: the configured one, or ``auto_ef`` of the largest graph's points."""
        if self.config.hnsw_ef:
            return self.config.hnsw_ef
        now = time.monotonic()
        if self._ef_cache is None or now - self._ef_cache[0] > AUTO_EF_RECHECK_S:
            self._ef_cache = (now, auto_ef(self.graph_points()))
        return self._ef_cache[1]

    def graph_points(self) -> int:
        """The most points one HNSW graph holds, which is what recall depends on: the whole
        collection here; the embedded engine bounds its segments (``segment_chunks``)."""
        return self.count()

    def needs_index(self) -> bool:
        """Points written but not yet indexed (an index build that was interrupted)."""
        return False

    def _forget_size(self) -> None:
        """After a write: the next search counts the points again."""
        self._ef_cache = None

    @abstractmethod
    def ensure_collection(self, dense_dim: int) -> None:
        """Create the collection and payload indexes when missing (``dense_dim`` 0: sparse only)."""

    @abstractmethod
    def upsert(self, points: list[StorePoint]) -> None: ...

    @abstractmethod
    def delete_by_doc(self, doc_id: str) -> None: ...

    @abstractmethod
    def delete_ids(self, ids: list[str]) -> None: ...

    @abstractmethod
    def set_payload_by_doc(self, doc_id: str, payload: dict[str, Any]) -> None:
        """Merge ``payload`` into every point of a document (e.g. its validity)."""

    @abstractmethod
    def count(self, flt: SearchFilter | None = None) -> int: ...

    @abstractmethod
    def scroll(self, flt: SearchFilter | None = None, limit: int = 10_000) -> list[Hit]:
        """Every point matching ``flt`` (payload only, score 0), up to ``limit``."""

    @abstractmethod
    def iter_points(self, batch: int = 1000) -> Iterator[list[StorePoint]]:
        """Every point with its vectors and payload, in batches (export, migration)."""

    @abstractmethod
    def sparse_tokens(self, flt: SearchFilter | None = None) -> Iterator[list[int]]:
        """The sparse token ids of every point matching ``flt``, one list per point."""

    @abstractmethod
    def search(
        self,
        *,
        dense: list[float] | None,
        sparse: SparseVec | None,
        limit: int,
        flt: SearchFilter | None = None,
        mode: Mode = "hybrid",
        fusion: str = "rrf",
        rrf_k: int = 60,
        weights: tuple[float, float] = (1.0, 1.0),
        prefetch_limit: int = 50,
        exact: bool | None = None,
    ) -> list[Hit]:
        """Best ``limit`` points. ``weights`` = (dense, sparse) for weighted RRF; ``exact`` overrides
        the configured HNSW search for this call (recall measurement)."""

    @abstractmethod
    def drop(self) -> None:
        """Delete the whole collection (``emkb reindex`` rebuilds it)."""

    @abstractmethod
    def optimize(self) -> None:
        """Build indexes for what was written (after a bulk load); a no-op where the server does it."""

    @abstractmethod
    def flush(self) -> None: ...

    @abstractmethod
    def close(self) -> None: ...


def plan_search(
    dense: list[float] | None, sparse: SparseVec | None, mode: Mode
) -> tuple[bool, bool]:
    """Which prefetches a search runs: (use_dense, use_sparse)."""
    use_dense = dense is not None and mode in ("hybrid", "dense")
    use_sparse = bool(sparse) and mode in ("hybrid", "sparse")
    return use_dense, use_sparse
