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


def test_a_passage_repeated_in_one_document_is_stored_once_with_every_page():
    catalogue = next(p for p in _all() if p.meta.doc_id == "weixian-huaxuepin-mulu-2015")
    chunks = split_document(catalogue)
    texts = ["".join(c.text.split()) for c in chunks]
    assert len(texts) == len(set(texts))  # no two chunks of a document say the same thing
    header = [c for c in chunks if "".join(c.text.split()) == "序号品名别名CAS号备注"]
    assert len(header) == 1 and len(header[0].locators) > 10  # the table header of every page, once
    assert all(loc.startswith("p.") for loc in header[0].locators)
    # across documents nothing is merged: editions of a standard keep their own passages
    all_chunks = [c for p in _all() for c in split_document(p)]
    assert len({c.doc_id for c in all_chunks}) == 60
