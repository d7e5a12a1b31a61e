"""`emkb reindex`: a store built with another embedder is refused with a way out, and rebuilt."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.integration

FILES = ["laws_regulations/anquan-shengchan-xukezheng-tiaoli-2014.md", "hazard_criteria/yanhua-baozhu-zhongda-yinhuan-panding-2017.md"]


def emkb(data, corpus, embedder, *args):
    env = {**os.environ, "EMKB_DATA_DIR": str(data), "EMKB_CORPUS_DIR": str(corpus), "EMKB_EMBEDDER": embedder,
           "EMKB_PROGRESS": "false"}
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture()
def small(tmp_path):
    corpus = tmp_path / "corpus"
    for f in FILES:
        (corpus / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / f, corpus / f)
    shutil.copy(CORPUS / "manifest.json", corpus / "manifest.json")
    data = tmp_path / "data"
    out = emkb(data, corpus, "none", "ingest", str(corpus))
    assert out.returncode == 0, out.stderr
    return data, corpus


def test_another_embedder_is_refused_then_reindexed(small):
    data, corpus = small
    refused = emkb(data, corpus, "use", "ask", "安全生产许可证的有效期是几年？")
    assert refused.returncode == 2
    assert "built with the embedder 'none'" in refused.stderr and "emkb reindex" in refused.stderr
    out = emkb(data, corpus, "use", "reindex")
    assert out.returncode == 0, out.stderr
    assert "reindexed 2 documents" in out.stdout and "use-multilingual-v3" in out.stdout
    body = json.loads(emkb(data, corpus, "use", "ask", "安全生产许可证的有效期是几年？", "--json").stdout)
    assert not body["abstained"] and any("有效期为3年" in c["text"] for c in body["citations"])


def test_reindex_refuses_when_a_source_is_missing_and_keeps_the_store(small):
    data, corpus = small
    (corpus / FILES[0]).unlink()
    out = emkb(data, corpus, "none", "reindex")
    assert out.returncode == 2
    assert "1 of 2 source files are missing" in out.stderr and "--drop-missing" in out.stderr
    docs = json.loads(emkb(data, corpus, "none", "documents", "--json").stdout)
    assert docs["total"] == 2  # nothing was deleted
    out = emkb(data, corpus, "none", "reindex", "--drop-missing")
    assert out.returncode == 0 and "reindexed 1 documents" in out.stdout and "dropped 1" in out.stdout
