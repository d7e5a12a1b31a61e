"""qdrant-client backend: a Qdrant server or cluster (``QDRANT_URL``), or local mode."""

from __future__ import annotations

import logging
from pathlib import Path

from qdrant_client import QdrantClient, models

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


def _filter(flt: SearchFilter | None) -> models.Filter | None:
    if flt is None or flt.is_empty():
        return None
    must: list = []
    for key, value in flt.equals.items():
        if isinstance(value, (list, tuple, set)):
            must.append(models.FieldCondition(key=key, match=models.MatchAny(any=list(value))))
        else:
            must.append(models.FieldCondition(key=key, match=models.MatchValue(value=value)))
    if flt.year_gte is not None or flt.year_lte is not None:
        must.append(models.FieldCondition(key="year", range=models.Range(gte=flt.year_gte, lte=flt.year_lte)))
    return models.Filter(must=must)


class QdrantClientStore(VectorStore):
    def __init__(
        self,
        *,
        url: str | None = None,
        api_key: str | None = None,
        path: Path | None = None,
        collection: str = "emkb",
        timeout: int = 30,
        config: IndexConfig | None = None,
    ) -> None:
        self.collection = collection
        self.config = config if config is not None else IndexConfig()
        self._where = url or str(path)
        try:
            if url:
                self.client = QdrantClient(url=url, api_key=api_key, timeout=timeout)
            elif str(path) == ":memory:":  # qdrant-client's local mode without persistence (tests)
                self.client = QdrantClient(location=":memory:")
            else:
                self.client = QdrantClient(path=str(path))
        except Exception as e:
            raise StoreUnavailableError(f"cannot reach Qdrant at {self._where}: {e}") from e
        self._dense: bool | None = None

    @property
    def _ordering(self):
        # with replicas, route writes through each shard's leader so that replicas apply them in one order
        return models.WriteOrdering.MEDIUM if self.config.replicas > 1 else None

    @property
    def _consistency(self):
        rc = self.config.read_consistency
        if self.config.replicas <= 1:
            return None
        if rc.isdigit():
            return int(rc)
        return models.ReadConsistencyType(rc)

    def _params(self, exact: bool | None) -> models.SearchParams:
        c = self.config
        return models.SearchParams(
            hnsw_ef=self.search_ef(),
            exact=c.exact if exact is None else exact,
            quantization=models.QuantizationSearchParams(rescore=True, oversampling=c.oversampling) if c.quantization != "none" else None,
        )

    def optimize(self) -> None:
        return None  # a Qdrant server runs its optimizers in the background

    def _call(self, what: str, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as e:
            raise StoreUnavailableError(f"Qdrant at {self._where} failed to {what}: {e}") from e

    def _exists(self) -> bool:
        return bool(self._call("list collections", self.client.collection_exists, self.collection))

    def _has_dense(self) -> bool:
        if self._dense is None:
            info = self._call("read the collection", self.client.get_collection, self.collection)
            vectors = info.config.params.vectors
            self._dense = isinstance(vectors, dict) and DENSE in vectors
        return self._dense

    def ensure_collection(self, dense_dim: int) -> None:
        if self._exists():
            return
        c = self.config
        quantization = (
            models.ScalarQuantization(scalar=models.ScalarQuantizationConfig(type=models.ScalarType.INT8, quantile=0.99, always_ram=True))
            if c.quantization == "int8"
            else None
        )
        self._call(
            "create the collection",
            self.client.create_collection,
            self.collection,
            vectors_config={
                DENSE: models.VectorParams(
                    size=dense_dim, distance=models.Distance.COSINE, on_disk=c.vectors_on_disk, quantization_config=quantization
                )
            }
            if dense_dim
            else {},
            sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
            hnsw_config=models.HnswConfigDiff(m=c.hnsw_m, ef_construct=c.hnsw_ef_construct, full_scan_threshold=c.full_scan_threshold_kb),
            on_disk_payload=c.payload_on_disk,
            shard_number=c.shards,
            replication_factor=c.replicas,
            write_consistency_factor=c.write_consistency,
        )
        for key in KEYWORD_INDEXES:
            self._call("index payload", self.client.create_payload_index, self.collection, key, models.PayloadSchemaType.KEYWORD)
        for key in INTEGER_INDEXES:
            self._call("index payload", self.client.create_payload_index, self.collection, key, models.PayloadSchemaType.INTEGER)
        self._dense = bool(dense_dim)

    def upsert(self, points: list[StorePoint]) -> None:
        dense_ok = self._has_dense()
        for i in range(0, len(points), _BATCH):
            batch = []
            for p in points[i : i + _BATCH]:
                vector: dict = {SPARSE: models.SparseVector(indices=p.sparse.indices, values=p.sparse.values)}
                if dense_ok and p.dense is not None:
                    vector[DENSE] = [float(x) for x in p.dense]
                batch.append(models.PointStruct(id=p.id, vector=vector, payload=p.payload))
            self._call("upsert points", self.client.upsert, self.collection, points=batch, wait=True, ordering=self._ordering)
        self._forget_size()

    def delete_by_doc(self, doc_id: str) -> None:
        if self._exists():
            self._call(
                "delete points",
                self.client.delete,
                self.collection,
                points_selector=models.FilterSelector(filter=_filter(SearchFilter({"doc_id": doc_id}))),
                wait=True,
            )
            self._forget_size()

    def set_payload_by_doc(self, doc_id: str, payload: dict) -> None:
        self._call(
            "set payload",
            self.client.set_payload,
            self.collection,
            payload=payload,
            points=models.FilterSelector(filter=_filter(SearchFilter({"doc_id": doc_id}))),
            wait=True,
        )

    def delete_ids(self, ids: list[str]) -> None:
        if ids and self._exists():
            self._call("delete points", self.client.delete, self.collection, points_selector=models.PointIdsList(points=list(ids)), wait=True)
            self._forget_size()

    def count(self, flt: SearchFilter | None = None) -> int:
        if not self._exists():
            return 0
        return int(self._call("count points", self.client.count, self.collection, count_filter=_filter(flt), exact=True).count)

    def scroll(self, flt: SearchFilter | None = None, limit: int = 10_000) -> list[Hit]:
        if not self._exists():
            return []
        out: list[Hit] = []
        offset = None
        while len(out) < limit:
            records, offset = self._call(
                "scroll points",
                self.client.scroll,
                self.collection,
                scroll_filter=_filter(flt),
                limit=min(1000, limit - len(out)),
                offset=offset,
                with_payload=True,
            )
            out.extend(Hit(str(r.id), 0.0, dict(r.payload or {})) for r in records)
            if offset is None or not records:
                break
        return out

    def iter_points(self, batch: int = 1000):
        if not self._exists():
            return
        offset = None
        while True:
            records, offset = self._call(
                "scroll points", self.client.scroll, self.collection, limit=batch, offset=offset,
                with_payload=True, with_vectors=True,
            )
            out = [point_from_record(r.id, r.vector, r.payload) for r in records]
            if out:
                yield out
            if offset is None or not records:
                break

    def sparse_tokens(self, flt: SearchFilter | None = None):
        if not self._exists():
            return
        offset = None
        while True:
            records, offset = self._call(
                "scroll points", self.client.scroll, self.collection, scroll_filter=_filter(flt), limit=1000,
                offset=offset, with_payload=False, with_vectors=[SPARSE],
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
        if not self._exists():
            raise StoreUnavailableError(f"no collection {self.collection!r} at {self._where}; run `emkb ingest` first")
        use_dense, use_sparse = plan_search(dense if self._has_dense() else None, sparse, mode)
        f = _filter(flt)
        prefetches = []
        params = self._params(exact)
        if use_dense:
            prefetches.append(
                models.Prefetch(query=[float(x) for x in dense], using=DENSE, limit=max(prefetch_limit, limit), filter=f, params=params)
            )
        if use_sparse:
            prefetches.append(
                models.Prefetch(
                    query=models.SparseVector(indices=sparse.indices, values=sparse.values),
                    using=SPARSE,
                    limit=max(prefetch_limit, limit),
                    filter=f,
                    params=params,
                )
            )
        if not prefetches:
            return []
        if len(prefetches) == 1:
            p = prefetches[0]
            response = self._call(
                "search", self.client.query_points, self.collection, query=p.query, using=p.using, query_filter=f,
                limit=limit, with_payload=True, search_params=params, consistency=self._consistency,
            )
        else:
            if fusion == "dbsf":
                query = models.FusionQuery(fusion=models.Fusion.DBSF)
            else:
                query = models.RrfQuery(rrf=models.Rrf(k=rrf_k, weights=list(weights)))
            response = self._call(
                "search", self.client.query_points, self.collection, prefetch=prefetches, query=query, limit=limit,
                with_payload=True, consistency=self._consistency,
            )
        return [Hit(str(p.id), float(p.score), dict(p.payload or {})) for p in response.points]

    def drop(self) -> None:
        if self._exists():
            self._call("delete the collection", self.client.delete_collection, self.collection)
        self._forget_size()

    def flush(self) -> None:
        return None

    def close(self) -> None:
        try:
            self.client.close()
        except Exception:  # closing a dead connection is not worth an error
            logger.debug("closing qdrant client failed", exc_info=True)
