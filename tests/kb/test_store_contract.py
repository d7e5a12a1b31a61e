"""One contract, every backend: the embedded qdrant-edge engine and qdrant-client
(local mode standing in for a Qdrant server). Real engines, small real vectors."""

from __future__ import annotations

import uuid

import numpy as np
import pytest

from kb.sparse import SparseEncoder
from kb.store import SearchFilter, StorePoint, StoreUnavailableError
from kb.store_edge import EdgeStore
from kb.store_qdrant import QdrantClientStore

TEXTS = {
    "a": ("law", 2021, "现行有效", "生产经营单位的主要负责人是本单位安全生产第一责任人"),
    "b": ("law", 2021, "现行有效", "矿山企业应当建立健全安全生产责任制"),
    "c": ("plan", 2023, "现行有效", "大力实施重大隐患动态清零行动，确保隐患销号清零"),
    "d": ("plan", 2023, "已废止", "粉尘爆炸危险场所的干式除尘系统未规范设置锁气卸灰装置"),
}
DIM = 8


def _dense(text: str) -> list[float]:
    # deterministic fake: characters hashed into 8 buckets (fine for a contract test)
    v = np.zeros(DIM)
    for ch in text:
        v[ord(ch) % DIM] += 1
    return list(v / np.linalg.norm(v))


@pytest.fixture(scope="module")
def encoder():
    enc = SparseEncoder()
    enc.warm_up()
    return enc


@pytest.fixture(params=["edge", "qdrant-local"])
def store(request, tmp_path, encoder):
    if request.param == "edge":
        s = EdgeStore(tmp_path / "edge")
    else:
        s = QdrantClientStore(path=tmp_path / "qdrant", collection="contract")
    s.ensure_collection(DIM)
    s.upsert(
        [
            StorePoint(
                id=str(uuid.uuid5(uuid.NAMESPACE_URL, key)),
                dense=_dense(text),
                sparse=encoder.encode_document(text),
                payload={"doc_id": key, "category": cat, "year": year, "validity": val, "text": text},
            )
            for key, (cat, year, val, text) in TEXTS.items()
        ]
    )
    yield s
    s.close()


def test_count_and_scroll(store):
    assert store.count() == 4
    assert store.count(SearchFilter({"category": "plan"})) == 2
    assert {h.payload["doc_id"] for h in store.scroll(SearchFilter({"category": "law"}))} == {"a", "b"}


@pytest.mark.parametrize("mode", ["sparse", "hybrid"])
def test_keyword_query_finds_its_passage_first(store, encoder, mode):
    q = "锁气卸灰"
    hits = store.search(dense=_dense(q), sparse=encoder.encode_query(q), limit=3, mode=mode)
    assert hits[0].payload["doc_id"] == "d"


def test_sparse_scores_use_idf(store, encoder):
    # "安全生产" occurs in two passages, "第一责任人" in one: the rarer term must weigh more
    hits = store.search(dense=None, sparse=encoder.encode_query("第一责任人 安全生产"), limit=4, mode="sparse")
    assert hits[0].payload["doc_id"] == "a"
    assert hits[0].score > hits[1].score > 0


def test_dense_only(store):
    hits = store.search(dense=_dense(TEXTS["b"][3]), sparse=None, limit=1, mode="dense")
    assert hits[0].payload["doc_id"] == "b"
    assert hits[0].score == pytest.approx(1.0, abs=1e-4)


def test_filters(store, encoder):
    q = "隐患 清零 除尘"
    sparse = encoder.encode_query(q)
    assert {h.payload["doc_id"] for h in store.search(dense=_dense(q), sparse=sparse, limit=4, flt=SearchFilter({"validity": "已废止"}))} == {"d"}
    assert {h.payload["doc_id"] for h in store.search(dense=_dense(q), sparse=sparse, limit=4, flt=SearchFilter({"category": ["law"]}), mode="dense")} <= {"a", "b"}
    assert store.search(dense=_dense(q), sparse=sparse, limit=4, flt=SearchFilter(year_gte=2022, year_lte=2022)) == []
    years = {h.payload["year"] for h in store.search(dense=_dense(q), sparse=sparse, limit=4, flt=SearchFilter(year_gte=2022))}
    assert years == {2023}


def test_weighted_fusion_changes_order(store, encoder):
    # the dense query points at "c", the sparse query at "a": the weights decide
    dense, sparse = _dense(TEXTS["c"][3]), encoder.encode_query("主要负责人")
    dense_first = store.search(dense=dense, sparse=sparse, limit=2, weights=(1.0, 0.0))
    sparse_first = store.search(dense=dense, sparse=sparse, limit=2, weights=(0.0, 1.0))
    even = store.search(dense=dense, sparse=sparse, limit=4, weights=(1.0, 1.0))
    assert dense_first[0].payload["doc_id"] == "c"
    assert sparse_first[0].payload["doc_id"] == "a"
    assert even[0].payload["doc_id"] == "a"  # found by both prefetches


def test_delete_by_doc_and_ids(store):
    store.delete_by_doc("a")
    assert store.count() == 3
    ids = [h.id for h in store.scroll(SearchFilter({"doc_id": "b"}))]
    store.delete_ids(ids)
    assert store.count() == 2
    assert store.count(SearchFilter({"doc_id": ["a", "b"]})) == 0


def test_upsert_is_idempotent(store, encoder):
    text = TEXTS["a"][3]
    point = StorePoint(str(uuid.uuid5(uuid.NAMESPACE_URL, "a")), _dense(text), encoder.encode_document(text), {"doc_id": "a", "text": text})
    store.upsert([point])
    store.upsert([point])
    assert store.count() == 4


def test_missing_store_is_an_error_not_empty(tmp_path):
    with pytest.raises(StoreUnavailableError, match="emkb ingest"):
        EdgeStore(tmp_path / "none").search(dense=None, sparse=None, limit=3)
    s = QdrantClientStore(path=tmp_path / "q", collection="none")
    with pytest.raises(StoreUnavailableError, match="emkb ingest"):
        s.search(dense=None, sparse=None, limit=3)
    s.close()


def test_reopen_keeps_data(tmp_path, encoder):
    s = EdgeStore(tmp_path / "e")
    s.ensure_collection(DIM)
    s.upsert([StorePoint(str(uuid.uuid4()), _dense("x"), encoder.encode_document("安全生产"), {"doc_id": "x"})])
    s.close()
    s2 = EdgeStore(tmp_path / "e")
    assert s2.count() == 1
    s2.close()


def test_set_payload_by_doc(store):
    store.set_payload_by_doc("c", {"validity": "被替代"})
    assert {h.payload["doc_id"] for h in store.scroll(SearchFilter({"validity": "被替代"}))} == {"c"}
    assert store.scroll(SearchFilter({"doc_id": "c"}))[0].payload["text"].startswith("大力实施")  # merged, not replaced


def test_sparse_tokens_are_the_stored_indices(store, encoder):
    got = sorted(sorted(t) for t in store.sparse_tokens(SearchFilter({"doc_id": ["a", "c"]})))
    want = sorted(sorted(encoder.encode_document(TEXTS[k][3]).indices) for k in ("a", "c"))
    assert got == want
    assert len(list(store.sparse_tokens())) == len(TEXTS)


def test_drop_removes_the_collection(store):
    store.drop()
    assert store.count() == 0 and list(store.sparse_tokens()) == []
    store.ensure_collection(DIM)  # and it can be built again
    assert store.count() == 0


@pytest.mark.parametrize("backend", ["edge", "qdrant-local"])
def test_scale_settings_build_and_search(tmp_path, encoder, backend):
    """int8 quantization, vectors on disk, HNSW settings: created, optimized and searched the same way."""
    from kb.store import IndexConfig

    config = IndexConfig(hnsw_m=8, hnsw_ef_construct=32, hnsw_ef=32, quantization="int8", vectors_on_disk=True,
                         payload_on_disk=True, full_scan_threshold_kb=0)
    if backend == "edge":
        s = EdgeStore(tmp_path / "edge", config)
    else:
        s = QdrantClientStore(path=tmp_path / "q", collection="scale", config=config)
    s.ensure_collection(DIM)
    points = [
        StorePoint(str(uuid.uuid5(uuid.NAMESPACE_URL, f"p{i}")), _dense(f"{t}{i}"), encoder.encode_document(t),
                   {"doc_id": f"d{i % 7}", "text": t})
        for i, t in enumerate(v[3] for _ in range(40) for v in TEXTS.values())
    ]
    s.upsert(points)
    s.flush()
    s.optimize()
    q = _dense(TEXTS["c"][3] + "3")
    approx = s.search(dense=q, sparse=None, limit=5, mode="dense")
    exact = s.search(dense=q, sparse=None, limit=5, mode="dense", exact=True)
    # the fake vectors tie a lot: the HNSW (int8, ef 32) best must be as close as the exact best
    assert len(approx) == 5 and approx[0].score >= exact[0].score - 0.01
    assert s.count() == len(points)
    s.close()


def test_search_ef_follows_the_store_size(store, encoder, monkeypatch):
    """hnsw_ef 0 (the default): candidates per search grow with the point count, recounted after writes."""
    import kb.store
    from dataclasses import replace

    from kb.store import auto_ef

    assert auto_ef(100_000) == 512 and auto_ef(300_000) == 1024 and auto_ef(1_000_000) == 2048
    monkeypatch.setattr(kb.store, "AUTO_EF_STEPS", ((4, 512), (5, 1024)))  # the fixture holds 4 points
    store._forget_size()
    assert store.config.hnsw_ef == 0 and store.search_ef() == 512
    extra = [StorePoint(str(uuid.uuid5(uuid.NAMESPACE_URL, f"x{i}")), _dense(f"安全{i}"), encoder.encode_document("安全"),
                        {"doc_id": f"x{i}", "text": "安全"}) for i in range(2)]
    store.upsert(extra[:1])
    assert store.search_ef() == 1024  # the write invalidated the cached count
    store.upsert(extra[1:])
    assert store.search_ef() == 2048
    q = "锁气卸灰"
    assert store.search(dense=_dense(q), sparse=encoder.encode_query(q), limit=3)[0].payload["doc_id"] == "d"
    store.delete_ids([extra[0].id, extra[1].id])
    assert store.search_ef() == 512
    store.config = replace(store.config, hnsw_ef=64)  # a configured ef is used as it is
    assert store.search_ef() == 64
