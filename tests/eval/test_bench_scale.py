"""eval/bench_scale.py: composed vectors, the question walk, the table, and one real small run
(real scale corpus, USE embedder, embedded Qdrant, HTTP server)."""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np
import pytest

from eval import bench_scale as bs
from kb.retrieval import QUERY_CACHE_SIZE
from tests.conftest import ROOT


class _CountingEmbedder:
    name, dim = "fake", 4

    def __init__(self) -> None:
        self.seen: list[str] = []

    def warm_up(self) -> None:
        pass

    def embed_documents(self, texts):
        self.seen.extend(texts)
        return np.array([[len(t), 1.0, 0.0, 0.0] for t in texts], dtype=np.float32)

    def embed_query(self, text):
        return np.array([0.0, 0.0, 1.0, 0.0], dtype=np.float32)


def test_composed_vectors_embed_each_sentence_once_and_average():
    base = _CountingEmbedder()
    emb = bs.ComposedEmbedder(base)
    assert (emb.name, emb.dim) == ("fake", 4)  # the store opens with the base embedder
    rows = emb.embed_documents(["第一条 甲。乙乙；", "乙乙；\n丙丙丙！"])
    assert sorted(base.seen) == sorted(["第一条 甲。", "乙乙；", "丙丙丙！"])
    rows2 = emb.embed_documents(["丙丙丙！ 甲"])  # two sentences, only the new one embedded
    assert base.seen[-1] == "甲" and emb.sentences_embedded == 4
    assert np.allclose(np.linalg.norm(np.vstack([rows, rows2]), axis=1), 1.0)
    expect = np.mean([[6, 1, 0, 0], [3, 1, 0, 0]], axis=0)  # "第一条 甲。" and "乙乙；"
    assert np.allclose(rows[0], expect / np.linalg.norm(expect))
    assert np.allclose(emb.embed_query("x"), [0, 0, 1, 0])  # queries: the base embedder's own path


def test_composed_cache_spans_blocks_and_is_released(monkeypatch):
    monkeypatch.setattr(bs.ComposedEmbedder, "BLOCK", 2)  # three sentences: two blocks
    emb = bs.ComposedEmbedder(_CountingEmbedder())
    first = emb.embed_documents(["甲。乙乙。丙丙丙。"])
    assert len(emb._blocks) == 2
    again = emb.embed_documents(["丙丙丙。甲。乙乙。"])  # same sentences: nothing new embedded, same vector
    assert emb.sentences_embedded == 3 and np.allclose(first, again)
    emb.release()
    assert emb._blocks == [] and emb._index == {}
    emb.embed_documents(["甲。"])  # usable after release: embeds afresh
    assert emb.sentences_embedded == 4


def test_latency_rows_never_reuse_a_cached_question_vector():
    pool = bs._pool(1)
    assert len(pool) == len(set(pool)) > QUERY_CACHE_SIZE
    walk = [q for row in range(4) for q in bs._questions(200, 1, start=1 + row * 200)]
    last: dict[str, int] = {}
    for i, q in enumerate(walk):  # FIFO cache: a repeat must come more than CACHE_SIZE calls later
        assert i - last.get(q, -10**9) > QUERY_CACHE_SIZE, q
        last[q] = i


def test_bad_sizes_are_refused_in_one_line():
    out = subprocess.run([sys.executable, "-m", "eval.bench_scale", "--chunks", "ten"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 2 and "--chunks must be numbers" in out.stderr
    out = subprocess.run([sys.executable, "-m", "eval.bench_scale", "--chunks", "1000", "--vectors", "composed",
                          "--embedder", "e5"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2 and "composes USE sentence vectors" in out.stderr
    out = subprocess.run([sys.executable, "-m", "eval.bench_scale", "--chunks", "1000", "--ef-sweep", "64,lots"],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2 and "--ef-sweep must be numbers" in out.stderr


@pytest.mark.integration
def test_small_run_prints_the_whole_table(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "eval.bench_scale", "--chunks", "400", "--vectors", "composed", "--queries", "12",
         "--recall-queries", "5", "--ef-sweep", "32,512", "--work-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    table = out.stdout
    assert "vectors=composed" in table and "embedder=use" in table
    rows = {line.split("|")[0].strip(): line.split("|")[1].strip() for line in table.splitlines() if "|" in line}
    stored = int(rows["chunks stored"].replace(",", ""))
    assert 300 <= stored <= 500
    for label in ("/search p50 / p95 (ms)", "/search filtered p50 / p95", "/ask p50 / p95 (ms)", "/ask filtered p50 / p95"):
        assert re.fullmatch(r"\d+ / \d+", rows[label]), (label, rows[label])  # no "(n err)"
    assert int(rows["sentences embedded"].replace(",", "")) > 0
    for who in ("ingest", "server"):
        anon, rss = int(rows[f"of it anonymous, {who} (MB)"]), int(rows[f"peak RSS {who} (MB)"])
        assert 50 < anon <= rss  # model weights at least; mapped store files only in the total
    # the ingest's peaks by stage (load, then index build): each at most the overall one, the larger equal to it
    by_stage = {k: [int(x) for x in rows[f"load / index build, {k} (MB)"].split(" / ")] for k in ("RSS", "anonymous")}
    assert max(by_stage["RSS"]) == int(rows["peak RSS ingest (MB)"])
    assert max(by_stage["anonymous"]) == int(rows["of it anonymous, ingest (MB)"])
    assert all(50 < v for v in by_stage["anonymous"])
    assert "recall@10 dense ef=32 (ids; dist)" in rows and "recall@10 dense ef=64 (ids; dist)" not in rows
    # EMKB_HNSW_EF unset: the header says so, and the filtered and hybrid rows name the ef the store's size picked
    assert "ef=by size" in table and "recall@10 hybrid ef=512 (ids; dist)" in rows
    recall = rows["recall@10 dense ef=512 (ids; dist)"]
    assert float(recall.split(";")[1]) >= 0.9  # a tiny store is searched all but exactly
    assert not list(tmp_path.glob("data-*"))  # stores removed without --keep; the corpus stays
    assert list(tmp_path.glob("corpus-400-s1/manifest.json"))
