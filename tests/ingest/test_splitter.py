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
    manual = next(p for p in _all() if p.meta.doc_id == "gongmao-jiaoda-weixian-yinsu-shouce-2016-youse")
    chunks = split_document(manual)
    texts = ["".join(c.text.split()) for c in chunks]
    assert len(texts) == len(set(texts))  # no two chunks of a document say the same thing
    # the manual repeats its 公共部分 rows for every trade: one chunk, cited with each page
    belt = [c for c in chunks if "带式输送机运转期间，不应进行清扫和维修作业" in c.text]
    assert len(belt) == 1 and len(belt[0].locators) >= 4
    assert all(loc.startswith("p.") for loc in belt[0].locators)
    # across documents nothing is merged: editions of a standard keep their own passages
    all_chunks = [c for p in _all() for c in split_document(p)]
    assert len({c.doc_id for c in all_chunks}) == 60


def test_catalogue_rows_are_chunked_with_no_header_or_fragment_alone():
    catalogue = next(p for p in _all() if p.meta.doc_id == "weixian-huaxuepin-mulu-2015")
    chunks = split_document(catalogue)
    # before: 33 chunks held the page header and a row number ("序号品名别名 CAS 号备注\n864")
    assert all(len("".join(c.text.split())) >= 40 for c in chunks[1:]), [c.text for c in chunks if len(c.text) < 40]
    row = next(c for c in chunks if "1022甲醇木醇；木精67-56-1" in c.text)
    assert row.locator == "p.51" and len(row.text) <= 600
    assert all(line[:4].isdigit() or not line[:1].isdigit() for line in row.text.split("\n"))


def _parsed(text: str):
    from ingest.cleaner import CleanText
    from ingest.metadata import build_meta
    from ingest.structure import parse_document

    meta = build_meta(text, doc_id="t", source="t.txt", sha256="0" * 64, manifest_entry=None, pages=0)
    return parse_document(CleanText(text, [0]), meta)


def test_a_short_paragraph_before_a_long_one_opens_its_first_piece():
    long = "。".join(f"第{i}句话讲的是作业现场必须落实的安全措施和检查要求" for i in range(40)) + "。"
    chunks = split_document(_parsed("说明\n表头一行\n" + long))
    assert chunks[0].text.startswith("说明\n表头一行\n第0句话")
    assert all(len(c.text) <= 600 for c in chunks)
    assert "".join(c.text for c in chunks).replace("\n", "") == ("说明表头一行" + long)


def test_a_few_words_left_over_join_the_piece_before():
    body = "".join(f"第{i:02d}句话讲的是作业现场必须落实的安全措施。" for i in range(27))  # 594 characters
    body += "末尾的几个字。"  # 601: one cut, and 7 characters would be left alone
    chunks = split_document(_parsed(body))
    assert len(chunks) == 1 and chunks[0].text == body
    body = "".join(f"第{i:02d}句话讲的是作业现场必须落实的安全措施。" for i in range(40)) + "末尾的几个字。"
    chunks = split_document(_parsed(body))
    assert not chunks[-1].text.startswith("末尾") and chunks[-1].text.endswith("末尾的几个字。")
    assert all(len(c.text) <= 800 for c in chunks)
