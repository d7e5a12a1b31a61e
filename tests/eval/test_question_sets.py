"""The benchmark question sets follow the schema and every evidence string is in its document."""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path

import pytest

from kb.textnorm import contains

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "eval" / "questions").glob("*.jsonl"))
TYPES = {"owner", "deadline", "list", "fact", "numeric", "paraphrase", "keyword", "clause", "cross_doc", "unanswerable"}


def _questions():
    out = []
    for f in FILES:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append((f"{f.name}:{n}", json.loads(line)))
    return out


@functools.lru_cache(maxsize=None)
def _doc_text(name: str) -> str:
    from ingest.loaders import load_file

    path = next((ROOT / "corpus").rglob(name), None)
    assert path is not None, f"no document {name} under corpus/"
    return "".join(load_file(path).pages)


def test_schema_and_counts():
    qs = _questions()
    assert len(qs) >= 250
    ids = [q["id"] for _, q in qs]
    assert len(ids) == len(set(ids)), [i for i, c in Counter(ids).items() if c > 1]
    types = Counter(q["type"] for _, q in qs)
    assert set(types) <= TYPES
    assert types["unanswerable"] >= 30
    for where, q in qs:
        assert isinstance(q["question"], str) and q["question"].strip(), where
        assert isinstance(q["evidence"], list), where
        if q["type"] == "unanswerable":
            assert q.get("doc") is None and q["evidence"] == [], where
        else:
            assert q["doc"] and q["evidence"], where
        if q["type"] == "owner":
            assert q["owners"], where


@pytest.mark.parametrize("where, q", [p for p in _questions() if p[1]["type"] != "unanswerable"], ids=lambda v: v if isinstance(v, str) else "")
def test_evidence_occurs_in_its_document(where, q):
    docs = q["doc"] if isinstance(q["doc"], list) else [q["doc"]]
    for ev in q["evidence"]:
        assert any(contains(_doc_text(d), ev) for d in docs), f"{where}: {ev!r} not in {docs}"
