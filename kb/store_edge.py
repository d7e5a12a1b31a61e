"""qdrant-edge backend: Qdrant's engine in-process, the embedded default."""

from __future__ import annotations

import logging
from pathlib import Path

import qdrant_edge as qe

from kb.sparse import SparseVec
from kb.store import (
    point_from_record,
    DENSE,
    IndexConfig,
    INTEGER_INDEXES,
    KEYWORD_INDEXES,
    SPARSE,
    Hit,
    Mode,
    SearchFilter,
    StorePoint,
    StoreUnavailableError,
    VectorStore,
    plan_search,
)

logger = logging.getLogger(__name__)

_BATCH = 256


def _filter(flt: SearchFilter | None) -> qe.Filter | None:
    if flt is None or flt.is_empty():
        return None
    must = []
    for key, value in flt.equals.items():
        if isinstance(value, (list, tuple, set)):
            must.append(qe.FieldCondition(key=key, match=qe.MatchAny(list(value))))
        else:
            must.append(qe.FieldCondition(key=key, match=qe.MatchValue(value)))
    if flt.year_gte is not None or flt.year_lte is not None:
        must.append(qe.FieldCondition(key="year", range=qe.RangeFloat(gte=flt.year_gte, lte=flt.year_lte)))
    return qe.Filter(must=must)


class EdgeStore(VectorStore):
    def __init__(self, path: Path, config: IndexConfig | None = None) -> None:
        self.path = Path(path)
        self.config = config if config is not None else IndexConfig()
        self._shard: qe.EdgeShard | None = None
        self._dense = False
        self._segment_points = 0  # from the store's own config: 0 for stores built as one segment
        self._unindexed = 0  # points written since the last index build

    # -- lifecycle -------------------------------------------------------
    def _open_existing(self) -> None:
        if self._shard is None and (self.path / "edge_config.json").exists():
            try:
                self._shard = qe.EdgeShard.load(str(self.path))
            except Exception as e:  # the engine raises plain runtime errors
                raise StoreUnavailableError(f"cannot open the store at {self.path}: {e}") from e
            stored = self._read_config()
            self._dense = DENSE in (stored.get("vectors") or {})
            self._segment_points = self._points_per_segment(stored)
            self._unindexed = self._read_unindexed()

    # The engine cannot tell how many points wait for an index build (its indexed-vector count
    # mixes dense and sparse vectors), so the store keeps that count in a file of its own: an
    # ingest stopped between its last write and its index build is then finished by the next one.
    _UNINDEXED = "emkb-unindexed"

    def _read_unindexed(self) -> int:
        try:
            return int((self.path / self._UNINDEXED).read_text().strip() or 0)
        except (OSError, ValueError):
            return 0

    def _write_unindexed(self, n: int) -> None:
        marker = self.path / self._UNINDEXED
        if n:
            marker.write_text(str(n))
        else:
            marker.unlink(missing_ok=True)
        self._unindexed = n

    @staticmethod
    def _points_per_segment(stored: dict) -> int:
        """Segment size in points, from the engine's max_segment_size (kilobytes of dense vectors)."""
        size_kb = (stored.get("optimizers") or {}).get("max_segment_size")
        dim = ((stored.get("vectors") or {}).get(DENSE) or {}).get("size")
        return int(size_kb * 1024 // (4 * dim)) if size_kb and dim else int(size_kb or 0)

    def _read_config(self) -> dict:
        import json

        try:
            return json.loads((self.path / "edge_config.json").read_text())
        except (OSError, ValueError):
            return {}

    def ensure_collection(self, dense_dim: int) -> None:
        self._open_existing()
        if self._shard is not None:
            return
        self.path.mkdir(parents=True, exist_ok=True)
        c = self.config
        quantization = (
            qe.ScalarQuantizationConfig(type=qe.ScalarType.Int8, quantile=0.99, memory=qe.Memory.Cached)
            if c.quantization == "int8"
            else None
        )
        vectors = (
            {
                DENSE: qe.EdgeVectorParams(
                    size=dense_dim,
                    distance=qe.Distance.Cosine,
                    memory=qe.Memory.Cold if c.vectors_on_disk else qe.Memory.Cached,
                    quantization_config=quantization,
                )
            }
            if dense_dim
            else {}
        )
        config = qe.EdgeConfig(
            vectors=vectors,
            sparse_vectors={SPARSE: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
            hnsw_config=qe.HnswIndexConfig(m=c.hnsw_m, ef_construct=c.hnsw_ef_construct, full_scan_threshold=c.full_scan_threshold_kb),
            on_disk_payload=c.payload_on_disk,
            # Segments of at most segment_chunks points (the engine counts kilobytes of dense
            # vectors): two full segments are never merged, and with indexing_threshold 1 every
            # index build indexes what was written since the last, as a segment of its own.
            optimizers=qe.EdgeOptimizersConfig(
                max_segment_size=max(1, -(-c.segment_chunks * 4 * dense_dim // 1024)) if dense_dim else c.segment_chunks,
                indexing_threshold=1,
            ),
        )
        try:
            self._shard = qe.EdgeShard.create(str(self.path), config)
        except Exception as e:
            raise StoreUnavailableError(f"cannot create the store at {self.path}: {e}") from e
        self._dense = bool(dense_dim)
        self._segment_points = self._points_per_segment(self._read_config())
        for key in KEYWORD_INDEXES:
            self._shard.update(qe.UpdateOperation.create_field_index(key, qe.PayloadSchemaType.Keyword))
        for key in INTEGER_INDEXES:
            self._shard.update(qe.UpdateOperation.create_field_index(key, qe.PayloadSchemaType.Integer))

    @property
    def shard(self) -> qe.EdgeShard:
        self._open_existing()
        if self._shard is None:
            raise StoreUnavailableError(f"no store at {self.path}; run `emkb ingest` first")
        return self._shard

    def flush(self) -> None:
        if self._shard is not None:
            self._shard.flush()

    def optimize(self) -> None:
        """qdrant-edge optimizes only when asked: index what was written since the last build (as
        one segment of its own, or merged into small ones) once, after a load, not per point."""
        if self._shard is not None:
            self._build_index()

    def _build_index(self) -> None:
        self._shard.optimize()
        self._write_unindexed(0)

    def needs_index(self) -> bool:
        self._open_existing()
        return self._unindexed > 0

    def graph_points(self) -> int:
        n = self.count()
        return min(n, self._segment_points) if self._segment_points else n

    def drop(self) -> None:
        import shutil

        self.close()
        shutil.rmtree(self.path, ignore_errors=True)
        self._forget_size()

    def close(self) -> None:
        if self._shard is not None:
            self._shard.flush()
            self._shard.close()
            self._shard = None

    # -- writes ----------------------------------------------------------
    def upsert(self, points: list[StorePoint]) -> None:
        for i in range(0, len(points), _BATCH):
            batch = []
            for p in points[i : i + _BATCH]:
                vector: dict = {SPARSE: qe.SparseVector(indices=p.sparse.indices, values=p.sparse.values)}
                if self._dense and p.dense is not None:
                    vector[DENSE] = [float(x) for x in p.dense]
                batch.append(qe.Point(id=p.id, vector=vector, payload=p.payload))
            self.shard.update(qe.UpdateOperation.upsert_points(batch))
        self._forget_size()
        self._write_unindexed(self._unindexed + len(points))
        if self._segment_points and self._unindexed >= self._segment_points:
            # a bulk load: index this segment's worth now, so no build ever maps more than one
            # segment's old and new copies (a store built as one segment is only indexed at the end).
            # Part of the write, not the final optimize() an ingest calls (eval/bench_scale.py
            # times and measures that one as the index-build stage).
            self._build_index()

    def delete_by_doc(self, doc_id: str) -> None:
        self.shard.update(qe.UpdateOperation.delete_points_by_filter(_filter(SearchFilter({"doc_id": doc_id}))))
        self._forget_size()

    def set_payload_by_doc(self, doc_id: str, payload: dict) -> None:
        self.shard.update(qe.UpdateOperation.set_payload_by_filter(_filter(SearchFilter({"doc_id": doc_id})), payload))

    def delete_ids(self, ids: list[str]) -> None:
        if ids:
            self.shard.update(qe.UpdateOperation.delete_points(list(ids)))
            self._forget_size()

    # -- reads -----------------------------------------------------------
    def count(self, flt: SearchFilter | None = None) -> int:
        self._open_existing()
        if self._shard is None:
            return 0
        return int(self._shard.count(qe.CountRequest(exact=True, filter=_filter(flt))))

    def scroll(self, flt: SearchFilter | None = None, limit: int = 10_000) -> list[Hit]:
        self._open_existing()
        if self._shard is None:
            return []
        out: list[Hit] = []
        offset = None
        while len(out) < limit:
            records, offset = self._shard.scroll(
                qe.ScrollRequest(offset=offset, limit=min(1000, limit - len(out)), filter=_filter(flt), with_payload=True)
            )
            out.extend(Hit(str(r.id), 0.0, dict(r.payload or {})) for r in records)
            if offset is None or not records:
                break
        return out

    def iter_points(self, batch: int = 1000):
        self._open_existing()
        if self._shard is None:
            return
        offset = None
        while True:
            records, offset = self._shard.scroll(qe.ScrollRequest(offset=offset, limit=batch, with_payload=True, with_vector=True))
            out = [point_from_record(r.id, r.vector, r.payload) for r in records]
            if out:
                yield out
            if offset is None or not records:
                break

    def sparse_tokens(self, flt: SearchFilter | None = None):
        self._open_existing()
        if self._shard is None:
            return
        offset = None
        while True:
            records, offset = self._shard.scroll(
                qe.ScrollRequest(offset=offset, limit=1000, filter=_filter(flt), with_payload=False, with_vector=[SPARSE])
            )
            for r in records:
                vec = (r.vector or {}).get(SPARSE)
                yield list(vec.indices) if vec is not None else []
            if offset is None or not records:
                break

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
        shard = self.shard
        use_dense, use_sparse = plan_search(dense if self._dense else None, sparse, mode)
        f = _filter(flt)
        queries = []
        if use_dense:
            queries.append(qe.Query.Nearest([float(x) for x in dense], using=DENSE))
        if use_sparse:
            queries.append(qe.Query.Nearest(qe.SparseVector(indices=sparse.indices, values=sparse.values), using=SPARSE))
        if not queries:
            return []
        c = self.config
        params = qe.SearchParams(
            hnsw_ef=self.search_ef(),
            exact=c.exact if exact is None else exact,
            quantization=qe.QuantizationSearchParams(rescore=True, oversampling=c.oversampling) if c.quantization != "none" else None,
        )
        if len(queries) == 1:
            request = qe.QueryRequest(limit=limit, query=queries[0], filter=f, with_payload=True, params=params)
        else:
            fuse = qe.Fusion.Dbsf() if fusion == "dbsf" else qe.Fusion.Rrf(k=rrf_k, weights=list(weights))
            request = qe.QueryRequest(
                limit=limit,
                prefetches=[qe.Prefetch(limit=max(prefetch_limit, limit), query=q, filter=f, params=params) for q in queries],
                query=fuse,
                with_payload=True,
            )
        try:
            points = shard.query(request)
        except Exception as e:
            raise StoreUnavailableError(f"search failed in the store at {self.path}: {e}") from e
        return [Hit(str(p.id), float(p.score), dict(p.payload or {})) for p in points]
