"""The embedded engine bounds its index segments (``segment_chunks``): a bulk load is indexed one
segment at a time, so no index build maps the whole store twice (the 1M-chunk memory peak)."""

from __future__ import annotations

import uuid

import numpy as np
import pytest
import qdrant_edge as qe

from kb.sparse import SparseVec
from kb.store import IndexConfig, StorePoint, auto_ef
from kb.store_edge import EdgeStore

DIM = 16


def _points(n: int, start: int = 0) -> list[StorePoint]:
    rng = np.random.default_rng(start)
    out = []
    for i in range(start, start + n):
        v = rng.standard_normal(DIM)
        out.append(StorePoint(str(uuid.uuid5(uuid.NAMESPACE_URL, f"s{i}")), list(v / np.linalg.norm(v)),
                              SparseVec([i % 97, 100 + i % 13], [1.0, 0.5]), {"doc_id": f"d{i // 50}", "text": str(i)}))
    return out


def _load(store: EdgeStore, n: int, batch: int = 100) -> None:
    for i in range(0, n, batch):
        store.upsert(_points(min(batch, n - i), i))


def _top(store: EdgeStore, q: list[float], exact: bool) -> list[str]:
    return [h.id for h in store.search(dense=q, sparse=None, limit=10, mode="dense", exact=exact)]


def test_a_bulk_load_is_indexed_one_segment_at_a_time(tmp_path):
    store = EdgeStore(tmp_path / "edge", IndexConfig(segment_chunks=512, full_scan_threshold_kb=0, hnsw_ef=64))
    store.ensure_collection(DIM)
    _load(store, 1300)
    # indexed at 600 and 1200 points (the first batches past 512); 100 wait for the final build
    assert store.needs_index() and store._unindexed == 100
    store.optimize()
    assert not store.needs_index()
    info = store.shard.info()
    assert info.points_count == 1300 and info.segments_count >= 3  # 600 + 600 + 100, never merged
    assert store.graph_points() == 512  # what recall, and so auto_ef, depends on
    rng = np.random.default_rng(7)
    for _ in range(5):  # the segments are searched together, as one store
        q = list(rng.standard_normal(DIM))
        assert _top(store, q, exact=False)[:3] == _top(store, q, exact=True)[:3]
    assert store.count() == 1300
    store.close()


def test_an_unfinished_index_build_is_seen_after_reopening(tmp_path):
    store = EdgeStore(tmp_path / "edge", IndexConfig(segment_chunks=1000))
    store.ensure_collection(DIM)
    _load(store, 300)
    store.close()  # the ingest stopped after its last write, before its index build
    again = EdgeStore(tmp_path / "edge", IndexConfig(segment_chunks=1000))
    assert again.needs_index()
    again.optimize()
    assert not again.needs_index()
    again.close()
    assert not EdgeStore(tmp_path / "edge").needs_index()


def test_small_writes_merge_into_bounded_segments(tmp_path):
    """Uploads indexed one by one (the server's path) merge into segments, up to the bound."""
    store = EdgeStore(tmp_path / "edge", IndexConfig(segment_chunks=400))
    store.ensure_collection(DIM)
    for i in range(0, 1200, 60):
        store.upsert(_points(60, i))
        store.optimize()
    info = store.shard.info()
    assert info.points_count == 1200 and not store.needs_index()
    assert 3 <= info.segments_count <= 8  # neither one segment per upload nor one for everything


def test_a_store_built_as_one_segment_keeps_its_single_build(tmp_path):
    """Stores created before segment_chunks existed have no segment bound: never indexed mid-load
    (each build would re-index the whole store), and ef follows the whole store's size."""
    path = tmp_path / "edge"
    path.mkdir()
    config = qe.EdgeConfig(vectors={"dense": qe.EdgeVectorParams(size=DIM, distance=qe.Distance.Cosine)},
                           sparse_vectors={"sparse": qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)})
    qe.EdgeShard.create(str(path), config).close()
    store = EdgeStore(path, IndexConfig(segment_chunks=200))
    _load(store, 700)
    assert store.needs_index() and store._unindexed == 700 and store.shard.info().segments_count <= 2
    assert store.graph_points() == 700 and store.search_ef() == auto_ef(700)
    store.optimize()
    assert not store.needs_index()
    store.close()


@pytest.mark.parametrize("bad", [0, 999])
def test_segment_chunks_setting_is_checked(monkeypatch, bad):
    from pydantic import ValidationError

    from kb.settings import Settings

    monkeypatch.setenv("EMKB_SEGMENT_CHUNKS", str(bad))
    with pytest.raises(ValidationError, match="segment_chunks"):
        Settings()


def test_builds_during_a_load_are_part_of_the_write(tmp_path):
    """An ingest's own optimize() is the final index build only (bench_scale measures it as a
    stage of its own); the segment builds during the load do not go through it."""
    store = EdgeStore(tmp_path / "edge", IndexConfig(segment_chunks=512))
    store.ensure_collection(DIM)
    calls = []
    store.optimize = lambda: calls.append(1)  # an instance attribute, as bench_scale wraps it
    _load(store, 1300)
    assert calls == [] and store._unindexed == 100  # two segments built without it
    store.close()
