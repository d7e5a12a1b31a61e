"""Chunks follow structure: sizes, tasks whole, exact slices, deterministic ids."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

from ingest.components import FileParser
from ingest.metadata import load_manifest
from ingest.splitter import split_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@functools.lru_cache(maxsize=1)
def _all():
    parser = FileParser(CORPUS, load_manifest(CORPUS))
    files = [CORPUS / e["file"] for e in json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))]
    return tuple(parser.run(files)["parsed"])


def test_chunks_over_the_whole_corpus():
    sizes = []
    for doc in _all():
        chunks = split_document(doc)
        assert chunks, doc.meta.source
        for c in chunks:
            assert c.text == doc.text[c.start : c.end]
            assert len(c.text) <= 800
            assert c.doc_id == doc.meta.doc_id
            assert sum(1 for loc in c.locators if loc.startswith("任务")) <= 1  # never two tasks
        sizes += [len(c.text) for c in chunks if c.kind != "item"]
        ids = [c.chunk_id for c in chunks]
        assert len(set(ids)) == len(ids)
        assert ids == [c.chunk_id for c in split_document(doc)]  # deterministic
    within = sum(150 <= s <= 600 for s in sizes) / len(sizes)
    assert within >= 0.75, within


def test_task_9_is_one_chunk_with_owners_and_deadline():
    doc = next(d for d in _all() if d.meta.doc_id == "001_6081a029a38b96ac")
    chunk = next(c for c in split_document(doc) if "任务9" in c.locators)
    assert "重大隐患动态清零" in chunk.text and "执法支队" in chunk.text and "完成时限" in chunk.text
    assert chunk.kind == "task"


def test_importing_the_splitter_loads_no_jieba_dictionary():
    code = "import ingest.splitter, sys; import jieba; print(jieba.dt.initialized)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=CORPUS.parent)
    assert out.stdout.strip() == "False"
